package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.threadlab.testing.SocketClient;

/**
 * A learner whose run must wait sees its place in the queue, then its run; and no page breaks the
 * content security policy it is sent with (a violation is a console error). The server here has room
 * for one thread-target run at a time.
 */
@TestPropertySource(properties = { "threadlab.admission.threads=3", "threadlab.admission.client.threads=3" })
class QueueAndPolicyIT extends BrowserTest {

	@Test
	void aRunThatMustWaitShowsItsPlaceInTheQueueThenRuns() throws Exception {
		try (SocketClient other = new SocketClient(port)) {
			other.start("thread-target", "{\"htmlSeconds\": 10, \"urlSeconds\": 10}", 1);
			long otherRun = other.next("started").get("runId").asLong();

			open("/scenarios/thread-target");
			page.fill("input[name=speed]", "10");
			page.click("#run");
			assertThat(page.locator("main.scenario[data-state=queued]")).hasCount(1, LONG);
			assertThat(page.locator("#status")).hasText("Waiting for its turn: number 1 in the queue");

			other.send("{\"type\":\"cancel\"}");
			other.eventsUntilEnd(otherRun);
			waitForEnd();
			assertThat(page.locator("#outcome")).containsText("Completed");
		}
	}

	@Test
	void aLearnerLeavesTheQueueWithCancelInChinese() throws Exception {
		try (SocketClient other = new SocketClient(port)) {
			other.start("thread-target", "{\"htmlSeconds\": 10, \"urlSeconds\": 10}", 1);
			long otherRun = other.next("started").get("runId").asLong();

			open("/scenarios/thread-target?lang=zh");
			page.click("#run");
			assertThat(page.locator("#status")).hasText("排队等待运行：第 1 位", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
			page.click("#cancel");
			assertThat(page.locator("#status")).hasText("已退出排队。");

			other.send("{\"type\":\"cancel\"}");
			other.eventsUntilEnd(otherRun);
		}
	}

	@Test
	void noPageBreaksItsContentSecurityPolicy() {
		open("/");
		open("/?lang=zh");
		open("/scenarios/gil-race");
		page.fill("input[name=n]", "5");
		page.click("#run");
		waitForEnd();
		open("/scenarios/deadlock?lang=zh");
		page.click("#run");
		waitForEnd();
		expectedErrors.add(text -> text.contains("404") && text.contains("/no-such-page")); // the missing page itself
		open("/no-such-page");
		open("/test/index.html");
		page.waitForSelector("body[data-done=true]");
		// BrowserTest fails the test on any other console error, CSP violations included
	}

}
