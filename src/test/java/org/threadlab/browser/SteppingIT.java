package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.threadlab.scenario.threads.ThreadTargetScenario;
import org.threadlab.testing.Chromium;
import org.threadlab.testing.JavaLines;

import com.microsoft.playwright.Page;

/**
 * Stepping as a teacher narrates it: the keys do what the key list says whatever button was clicked last
 * (Space pauses and resumes, never presses that button again), a step always answers (when every thread
 * sleeps the server moves lesson time on to the next wake-up and holds the thread that wakes, and the page
 * says so and shows it held), the held threads keep their places across steps, and every line is named
 * Python's number first.
 */
class SteppingIT extends BrowserTest {

	private static final String MAIN = "main.scenario";

	private static final Pattern LINE = Pattern.compile("(line \\d+ \\(Java \\d+\\)|before its first line)");

	private String flag(String name) {
		return page.locator(MAIN).getAttribute("data-" + name);
	}

	private int gateMessages() {
		String gate = flag("gate");
		return gate == null ? 0 : Integer.parseInt(gate);
	}

	/** Presses a key and waits for the server's next word on the gate (or the run's end). */
	private void pressAndWaitForTheGate(String key) {
		int before = gateMessages();
		page.keyboard().press(key);
		page.waitForCondition(() -> gateMessages() > before || "ended".equals(flag("state")));
	}

	/** Space, after clicking the button named `after`: the run is paused (or goes on) as `paused` says. */
	private void spaceTurnsPausedTo(String paused, String after) {
		page.keyboard().press("Space");
		page.waitForCondition(() -> paused.equals(flag("paused")), new Page.WaitForConditionOptions().setTimeout(10_000));
		assertThat(flag("paused")).as("Space after %s", after).isEqualTo(paused);
	}

	@Test
	void spaceAfterClickingAnyButtonPausesOrResumesAndPressesNothing() {
		open("/scenarios/thread-target?htmlSeconds=3&urlSeconds=10&speed=1"); // the run goes on after the jump to 3 s
		page.click("#run");
		assertThat(page.locator(MAIN + "[data-state=running]")).hasCount(1, LONG);
		spaceTurnsPausedTo("true", "Run (a second Run would have started a run that goes on)");
		page.click("#pause");
		assertThat(page.locator(MAIN)).hasAttribute("data-paused", "false");
		spaceTurnsPausedTo("true", "Resume");
		page.click("#step"); // both threads sleep and main joins: the server moves time on to the first that wakes
		assertThat(page.locator(MAIN + "[data-jump]")).hasCount(1);
		assertThat(page.locator("#status")).containsText("lesson time jumped");
		spaceTurnsPausedTo("false", "Step");
		page.click("#teacher-mode");
		assertThat(page.locator("html.teacher")).hasCount(1);
		spaceTurnsPausedTo("true", "Teacher mode");
		assertThat(page.locator("html.teacher").count()).as("Space left teacher mode on").isEqualTo(1);
		page.click("#keys-help");
		assertThat(page.locator("#keys-dialog")).isVisible();
		page.keyboard().press("Escape");
		spaceTurnsPausedTo("false", "Keys");
		assertThat(page.locator("#keys-dialog")).isHidden();
		page.click("#follow-live");
		spaceTurnsPausedTo("true", "Follow live");
		page.keyboard().press("w");
		page.click("#zoom-reset");
		spaceTurnsPausedTo("false", "Whole run");
		assertThat(page.locator("#zoom-reset")).isDisabled();
		page.click("#cancel");
		waitForEnd();
		page.keyboard().press("Space");
		page.waitForTimeout(500); // a run started by a second press of Cancel's neighbour would show by now
		assertThat(page.locator(MAIN)).hasAttribute("data-state", "ended");
		assertThat(page.locator("#follow-live").getAttribute("aria-pressed")).as("nothing to follow after the run").isEqualTo("false");

		open("/scenarios/deadlock");
		page.click("#challenge");
		page.waitForCondition(() -> flag("gate") != null || "ended".equals(flag("state")), new Page.WaitForConditionOptions().setTimeout(30_000));
		if (flag("gate") != null) {
			assertThat(page.locator(MAIN)).hasAttribute("data-paused", "true");
			spaceTurnsPausedTo("false", "Challenge (a second press would have started another paused run)");
		}
		waitForEnd();
	}

	@Test
	void aStepWhileEveryThreadSleepsJumpsToTheNextWakeUpAndHoldsTheThreadThatWakes() {
		open("/scenarios/thread-target?htmlSeconds=3&urlSeconds=6");
		page.keyboard().press("r");
		// both threads asleep and main joining (each marker on its line), then paused: no thread is at a step,
		// and no step is under way (a thread stepped into its sleep would be, until it wakes)
		String marker = "#java-listing .code-line[data-line='%d'] .marker[data-actor='%s']";
		assertThat(page.locator(marker.formatted(JavaLines.of(ThreadTargetScenario.class, "html-sleep"), "Thread-1 (get_detail_html)"))).hasCount(1, LONG);
		assertThat(page.locator(marker.formatted(JavaLines.of(ThreadTargetScenario.class, "url-sleep"), "Thread-2 (get_detail_url)"))).hasCount(1, LONG);
		assertThat(page.locator(marker.formatted(JavaLines.of(ThreadTargetScenario.class, "join1"), "main"))).hasCount(1, LONG);
		page.keyboard().press("Space");
		page.waitForCondition(() -> flag("gate") != null && "true".equals(flag("paused")));
		assertThat(page.locator("#held button.held-thread:not([disabled])")).hasCount(0);
		assertThat(page.locator("#status")).not().containsText("each at its next step");
		assertThat(page.locator("#status")).containsText("no thread is at a step");

		// → moves lesson time on to the first sleep that ends (3 s after it began) and holds the thread that wakes
		page.keyboard().press("ArrowRight");
		assertThat(page.locator(MAIN)).hasAttribute("data-jump", "1");
		String woke = "Thread-1 (get_detail_html)";
		assertThat(page.locator("#status")).containsText(Pattern.compile("No thread was at a step: lesson time jumped \\d\\.\\d s to the next wake-up"));
		assertThat(page.locator("#status")).containsText(woke + " woke and is held at its next step");
		assertThat(page.locator("#held button.held-thread:not([disabled])")).hasCount(1);
		assertThat(page.locator("#held button.held-thread:not([disabled])")).hasAttribute("data-actor", woke);
		assertThat(page.locator("#caption")).containsText("Held: " + woke);
		// the timeline: its lane held, as any held thread's, from the time it woke (now, at the plot's right end),
		// not over its sleep
		assertThat(page.locator("g.row-label.held")).hasCount(1);
		assertThat(page.locator("g.row-label.held")).containsText(woke);
		var plot = page.locator("rect.hit-area").boundingBox();
		var hold = page.locator("g.held-badge[data-actor='" + woke + "'] rect.held-span").boundingBox();
		assertThat(hold.width).as("held since it woke, not since its sleep began").isLessThan(plot.width * 0.1);
		assertThat(hold.x + hold.width).as("held at the plot's now").isGreaterThan(plot.x + plot.width * 0.9);
		page.waitForTimeout(1200); // longer than a step may go unanswered: the page claims no step moved nothing
		assertThat(flag("step-note")).isNull();
		assertThat(page.locator("#status .status-note")).hasCount(0);
		page.locator("section.run-view").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(Chromium.screenshot("step-answers")));
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("step-jumped")));

		// its step goes through: the jump is told no more
		pressAndWaitForTheGate("ArrowRight");
		page.waitForCondition(() -> flag("jump") == null || "ended".equals(flag("state")));
		page.click("#cancel");
		waitForEnd();
	}

	@SuppressWarnings("unchecked")
	private List<String> heldList() {
		return (List<String>) page.locator("#held button.held-thread").evaluateAll("bs => bs.map(b => b.dataset.actor)");
	}

	@Test
	void heldThreadsKeepTheirPlacesAndNameTheirLinePythonFirst() {
		page.setViewportSize(1280, 720);
		open("/scenarios/gil-race");
		page.keyboard().press("t");
		page.click("#challenge");
		page.waitForCondition(() -> flag("gate") != null || "ended".equals(flag("state")), new Page.WaitForConditionOptions().setTimeout(30_000));
		org.junit.jupiter.api.Assumptions.assumeTrue(flag("gate") != null, "the run got through before the pause took hold");
		List<List<String>> orders = new ArrayList<>();
		for (int i = 0; i < 14 && !"ended".equals(flag("state")); i++) {
			orders.add(heldList());
			for (String text : page.locator("#held button.held-thread:not([disabled])").allTextContents()) {
				assertThat(text).as("a held button names its line Python first").containsPattern(LINE).doesNotContain("line 0");
			}
			// the same spot steps the same thread: always the button in the first place
			var first = page.locator("#held button.held-thread:not([disabled])").first();
			String who = first.getAttribute("data-actor");
			int before = gateMessages();
			first.click();
			page.waitForCondition(() -> gateMessages() > before || "ended".equals(flag("state")));
			assertThat(page.locator("#held button.just-stepped[data-actor='" + who + "']")).hasCount(1);
		}
		for (int i = 1; i < orders.size(); i++) {
			List<String> prev = orders.get(i - 1);
			List<String> next = orders.get(i);
			assertThat(next.stream().filter(prev::contains).toList()).as("steps %d → %d: the held keep their order", i, i + 1)
				.isEqualTo(prev.stream().filter(next::contains).toList());
			List<String> added = next.stream().filter(a -> !prev.contains(a)).toList();
			if (!added.isEmpty()) {
				assertThat(next.subList(next.size() - added.size(), next.size())).as("newly held threads come last").isEqualTo(added);
			}
		}
		assertThat(Integer.parseInt(flag("steps"))).as("every step counted").isGreaterThan(5);
		assertThat(page.locator("g.step-mark.step").count()).as("the steps numbered on the lanes").isGreaterThan(0);
		assertThat(page.locator("#caption")).containsText("(Java ");
		assertThat(page.locator("#java-listing .marker.held").first()).hasAttribute("title", Pattern.compile("held at line \\d+ \\(Java \\d+\\)"));
		assertThat(FirstScreen.problems(page)).isEmpty();
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("held-in-place")));

		// the tooltip of a thread's lane names the line where it was, Python's first
		page.keyboard().press("Space");
		waitForEnd();
		var lane = page.locator("g.row-label").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Thread-1 (add)")).boundingBox();
		var plot = page.locator("rect.hit-area").boundingBox();
		String tip = "";
		for (double f = 0.01; f < 1 && !tip.contains("code:"); f += 0.01) {
			page.mouse().move(plot.x + plot.width * f, lane.y + lane.height / 2);
			tip = page.locator("#timeline-tooltip").isVisible() ? page.locator("#timeline-tooltip").textContent() : "";
		}
		assertThat(tip).containsPattern("code: line \\d+ \\(Java \\d+\\)");
	}

}
