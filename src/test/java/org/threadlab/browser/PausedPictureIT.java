package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.threadlab.testing.Chromium;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.WebSocketRoute;

/**
 * The page's side of pausing and stepping (docs/protocol.md, contracts 1 and 2), against a scripted server
 * on the page's socket: lesson time from each batch's clock, the held threads drawn at their step, in
 * the lanes and in the code, and a click on a held thread's lane sending a step for that thread only.
 */
class PausedPictureIT extends BrowserTest {

	private static final String STARTED = """
			{"type":"started","runId":7,"scenario":"deadlock","speed":5.0,"params":{"pause":0.0,"sameOrder":false},
			 "settings":{"speed":5.0,"gil":true,"switchIntervalMs":5.0,"everyBytecode":false}}""";

	private static String spawn(int seq, int id, String name) {
		return """
				{"seq":%d,"timeNs":%d,"actor":%d,"kind":"SPAWN","object":null,"value":{"id":%d,"name":"%s","type":"THREAD","pid":42,"parent":-1,"daemon":false},"line":0,"cause":-1}"""
			.formatted(seq, seq * 1000, id, id, name);
	}

	private static String event(int seq, long ns, int actor, String kind, String object, String value, int line) {
		return """
				{"seq":%d,"timeNs":%d,"actor":%d,"kind":"%s","object":%s,"value":%s,"line":%d,"cause":-1}"""
			.formatted(seq, ns, actor, kind, object == null ? "null" : "\"" + object + "\"", value, line);
	}

	private static String batch(long lessonNs, String... events) {
		return "{\"type\":\"events\",\"runId\":7,\"clock\":{\"lessonNs\":%d,\"rate\":1.0},\"events\":[%s]}"
			.formatted(lessonNs, String.join(",", events));
	}

	private final List<String> sent = new CopyOnWriteArrayList<>();

	/** A server that runs the deadlock's first steps, then holds A, B and main when paused. */
	private void script(WebSocketRoute ws) {
		ws.onMessage(frame -> {
			String m = frame.text();
			sent.add(m);
			if (m.contains("\"start\"")) {
				ws.send(STARTED);
				ws.send(batch(400_000_000L, spawn(0, 0, "main"), event(1, 2000, 0, "START", null, "null", 0),
						event(2, 3000, 0, "CREATE", "a", "{\"type\":\"lock\",\"size\":1}", 0),
						event(3, 4000, 0, "CREATE", "b", "{\"type\":\"lock\",\"size\":1}", 0), spawn(4, 1, "A"), spawn(5, 2, "B"),
						event(6, 100_000_000L, 1, "START", null, "null", 0), event(7, 110_000_000L, 2, "START", null, "null", 0),
						event(8, 200_000_000L, 1, "ACQUIRE", "a", "null", 26), event(9, 200_000_000L, 1, "ACQUIRED", "a", "null", 26),
						event(10, 210_000_000L, 2, "ACQUIRE", "b", "null", 26), event(11, 210_000_000L, 2, "ACQUIRED", "b", "null", 26),
						event(12, 220_000_000L, 0, "JOIN", "A", "null", 46), event(13, 300_000_000L, 1, "PRINT", null, "\"took a\"", 27),
						event(14, 310_000_000L, 2, "PRINT", null, "\"took b\"", 27)));
			}
			else if (m.contains("\"pause\"")) {
				ws.send("""
						{"type":"gate","runId":7,"paused":true,"held":[{"actor":1,"kind":"ACQUIRE","object":"b","line":29},
						 {"actor":2,"kind":"ACQUIRE","object":"a","line":29}]}""");
			}
			else if (m.contains("\"step\"") && m.contains("\"actor\":1")) {
				ws.send(batch(450_000_000L, event(15, 420_000_000L, 1, "ACQUIRE", "b", "null", 29)));
				ws.send("""
						{"type":"gate","runId":7,"paused":true,"held":[{"actor":2,"kind":"ACQUIRE","object":"a","line":29}]}""");
			}
			else if (m.contains("\"cancel\"")) {
				ws.send(batch(500_000_000L, event(16, 480_000_000L, 0, "END", null,
						"{\"status\":\"CANCELLED\",\"error\":null,\"elapsedNs\":480000000,\"dropped\":0}", 0)));
				ws.send("{\"type\":\"end\",\"runId\":7,\"outcome\":{\"status\":\"CANCELLED\",\"error\":null,\"elapsedNs\":480000000,\"dropped\":0}}");
			}
		});
	}

	@Test
	void heldThreadsAreDrawnAtTheirStepAndAClickOnALaneStepsThatThreadOnly() {
		page.routeWebSocket("**/ws/runs", this::script);
		open("/scenarios/deadlock");
		page.click("#run");
		assertThat(page.locator("g.lane[data-actor='B']")).hasCount(1);
		// lesson time: the batch's nanoseconds are seconds / 1e9, not multiplied by the speed (5)
		assertThat(page.locator("#console li").first()).containsText("300 ms");

		page.keyboard().press("Space");
		assertThat(page.locator("main.scenario")).hasAttribute("data-held-known", "true");
		assertThat(page.locator("#held button.held-thread")).hasCount(2);
		assertThat(page.locator("#held button[data-actor='A']")).containsText("(Java 29)"); // Python's line first
		assertThat(page.locator("g.held-badge")).hasCount(2);
		assertThat(page.locator("#java-listing .code-line[data-line='29'] .marker.held")).hasCount(2);
		assertThat(page.locator("#java-listing .code-line[data-line='46'] .marker[data-actor='main']")).hasCount(1);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("held-at-their-step")));

		page.locator("g.row-label[aria-label^='A:']").click();
		assertThat(page.locator("#held button.held-thread:not([disabled])")).hasCount(1);
		assertThat(page.locator("#held button.held-thread[data-actor='A']")).isDisabled(); // it keeps its place
		assertThat(sent.stream().filter(m -> m.contains("\"step\"")).toList()).containsExactly("{\"type\":\"step\",\"actor\":1}");
		assertThat(page.locator("g.lane[data-actor='A'] rect.state-blocked")).hasCount(1);
		assertThat(page.locator("g.held-badge[data-actor='B']")).hasCount(1);
		assertThat(page.locator("g.held-badge[data-actor='A']")).hasCount(0);

		// a held thread's marker in the code steps it too
		page.locator("#java-listing .marker.held[data-actor='B']").click();
		assertThat(sent.stream().filter(m -> m.contains("\"step\"")).toList()).hasSize(2).last().isEqualTo("{\"type\":\"step\",\"actor\":2}");
		page.click("#cancel");
		waitForEnd();
	}

}
