package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.threadlab.scenario.threads.ThreadTargetScenario;
import org.threadlab.testing.Chromium;
import org.threadlab.testing.JavaLines;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A teacher in front of a class: teacher mode on a 1280×720 projector, where each thread is in the code,
 * pause that freezes the picture, stepping the thread they choose, a challenge, replay. Screenshots in
 * target/screenshots.
 */
class TeachingIT extends BrowserTest {

	private double fontSize(Locator locator) {
		return ((Number) locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")).doubleValue();
	}

	private void run(String path, String... fields) {
		open(path);
		for (int i = 0; i < fields.length; i += 2) {
			page.fill("input[name=" + fields[i] + "]", fields[i + 1]);
		}
		page.click("#run");
	}

	@Test
	void teacherModeAt1280x720PutsTheTimelineFirstInLargeType() {
		page.setViewportSize(1280, 720);
		open("/scenarios/thread-target");
		page.keyboard().press("t");
		assertThat(page.locator("html.teacher")).hasCount(1);
		page.fill("input[name=speed]", "10");
		page.evaluate("() => document.activeElement.blur()");
		page.keyboard().press("r"); // all from the keyboard: run
		waitForEnd();

		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("teacher-mode-1280x720")));
		assertThat(fontSize(page.locator(".lane-label").first())).as("lane labels, px").isGreaterThanOrEqualTo(24);
		assertThat(fontSize(page.locator(".axis-bottom .tick text").first())).as("axis, px").isGreaterThanOrEqualTo(24);
		double top = page.locator("#timeline").boundingBox().y; // in the viewport: negative when scrolled away
		assertThat(top).as("the timeline is on screen and starts high on it").isBetween(0.0, 260.0);
		double bottom = page.locator("svg.timeline-chart").boundingBox().y + page.locator("svg.timeline-chart").boundingBox().height;
		assertThat(bottom).as("the whole timeline above the fold").isLessThan(720);
		assertThat(page.locator("#caption")).containsText("Completed");
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("teacher-mode-1280x720")));

		page.keyboard().press("?");
		assertThat(page.locator("#keys-dialog")).isVisible();
		assertThat(page.locator("#keys-table tr")).hasCount(14); // C shows or hides the room of a teacher
		page.keyboard().press("Escape");
		assertThat(page.locator("#keys-dialog")).isHidden();
	}

	/** The line of the Java listing where a thread's marker is, or 0. */
	private int markerLine(String actor) {
		Locator marker = page.locator("#java-listing .marker[data-actor='" + actor + "']");
		if (marker.count() == 0) {
			return 0;
		}
		return Integer.parseInt(marker.first().evaluate("m => m.closest('.code-line').dataset.line").toString());
	}

	@Test
	void eachThreadHasAMarkerOnItsLineAndTheMarkersMove() {
		run("/scenarios/thread-target", "htmlSeconds", "1", "urlSeconds", "2", "speed", "1");
		int htmlSleep = JavaLines.of(ThreadTargetScenario.class, "html-sleep");
		int urlSleep = JavaLines.of(ThreadTargetScenario.class, "url-sleep");
		// live: while both sleep, each thread's marker is on its sleep's line
		assertThat(page.locator("#java-listing .code-line[data-line='" + htmlSleep + "'] .marker[data-actor='Thread-1 (get_detail_html)']")).hasCount(1, LONG);
		assertThat(page.locator("#java-listing .code-line[data-line='" + urlSleep + "'] .marker[data-actor='Thread-2 (get_detail_url)']")).hasCount(1, LONG);
		assertThat(page.locator("#java-listing .code-line[data-line='" + htmlSleep + "']")).containsText("sleep(seconds);");
		// and in the Python listing, on the line that sleeps there
		assertThat(page.locator("#python-listing .code-line[data-line='7'] .marker[data-actor='Thread-1 (get_detail_html)']")).hasCount(1, LONG);
		assertThat(page.locator("#python-listing .code-line[data-line='7']")).containsText("time.sleep(1)");
		waitForEnd();

		// replayed event by event from the start, main's marker walks down the listing
		page.click("#replay-start");
		Set<Integer> mainLines = new HashSet<>();
		Set<Integer> workerLines = new HashSet<>();
		for (int i = 0; i < 120 && page.locator("#java-listing .marker").count() + (i < 5 ? 1 : 0) > 0; i++) {
			page.keyboard().press("ArrowRight");
			mainLines.add(markerLine("main"));
			workerLines.add(markerLine("Thread-1 (get_detail_html)"));
		}
		mainLines.remove(0);
		workerLines.remove(0);
		assertThat(mainLines.size()).as("lines main's marker stood on: %s", mainLines).isGreaterThanOrEqualTo(2);
		assertThat(workerLines).as("the worker's lines").contains(htmlSleep);

		// clicking a thread's sleep shows its line, selected, in the listing
		page.click("#replay-start");
		page.locator("#scrubber").fill("500");
		page.locator("g.lane[data-actor='Thread-2 (get_detail_url)'] rect.state-sleeping").click();
		assertThat(page.locator("#java-listing .code-line.highlighted")).hasAttribute("data-line", String.valueOf(urlSleep));
		assertThat(page.locator("#python-listing .code-line.highlighted")).hasAttribute("data-line", "13");
		assertThat(page.locator("#java-listing .marker.selected")).hasCount(1);
		assertThat(page.locator("#code-peek")).containsText("Python line 13: time.sleep(2)");
		page.locator(".workbench").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("code-markers")));
	}

	@Test
	void pauseFreezesThePictureAndResumeGoesOn() {
		run("/scenarios/thread-target", "htmlSeconds", "3", "urlSeconds", "4", "speed", "1");
		// the run at rest: both threads asleep and main joining the first, so no step is under way when
		// the pause comes, and none can begin while the paused clock keeps the sleeps from ending
		assertThat(page.locator("g.lane rect.state-sleeping")).hasCount(2, LONG);
		assertThat(page.locator("g.lane[data-actor='main'] rect.state-joining")).hasCount(1, LONG);
		page.keyboard().press("Space");
		// the server's answer to the pause: on the socket it follows every batch sent before the pause took hold
		assertThat(page.locator("main.scenario[data-paused=true]")).hasCount(1);
		assertThat(page.locator("#pause")).hasText("Resume");
		String caption = page.locator("#caption").textContent();
		String ticks = page.locator(".axis-bottom").textContent();
		String events = page.locator("main.scenario").getAttribute("data-events");
		page.waitForTimeout(1200); // the picture must stand still: that is what is being tested
		assertThat(page.locator("#caption").textContent()).as("the clock the learner sees").isEqualTo(caption);
		assertThat(page.locator(".axis-bottom").textContent()).as("the axis").isEqualTo(ticks);
		assertThat(page.locator("main.scenario").getAttribute("data-events")).isEqualTo(events);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("paused")));

		page.keyboard().press("Space");
		assertThat(page.locator("main.scenario[data-paused=false]")).hasCount(1);
		waitForEnd();
		assertThat(page.locator("main.scenario")).hasAttribute("data-outcome", "COMPLETED");
	}

	/**
	 * Starts the lesson's challenge (a run that starts paused) and waits for the server's first word on
	 * the gate; false when the run ended before the pause took hold (the pause follows the start on the
	 * socket, and on a loaded machine the threads may get through first: the page then says so).
	 */
	private boolean startChallenge() {
		page.click("#challenge");
		String main = "main.scenario";
		page.waitForCondition(() -> page.locator(main).getAttribute("data-gate") != null
				|| "ended".equals(page.locator(main).getAttribute("data-state")), new Page.WaitForConditionOptions().setTimeout(30_000));
		if (page.locator(main).getAttribute("data-gate") == null) {
			// too fast; or, rarely, the threads deadlocked by themselves before the pause (then it is won)
			assertThat(page.locator(main)).hasAttribute("data-challenge", java.util.regex.Pattern.compile("too-fast|won"));
			return "won".equals(page.locator(main).getAttribute("data-challenge"));
		}
		// the server names the held threads (contract 2): these tests play with them
		assertThat(page.locator(main)).hasAttribute("data-held-known", "true");
		return true;
	}

	private int gateMessages() {
		String gate = page.locator("main.scenario").getAttribute("data-gate");
		return gate == null ? 0 : Integer.parseInt(gate);
	}

	/** Clicks a held thread's button and waits for the server's next word on the gate. */
	private void stepThread(String actor) {
		int before = gateMessages();
		page.locator("#held button.held-thread[data-actor='" + actor + "']").click();
		page.waitForCondition(() -> gateMessages() > before || "ended".equals(page.locator("main.scenario").getAttribute("data-state")));
	}

	private List<String> held() {
		// read at once in the page: the list is drawn anew at each word of the gate, and a button read one by
		// one may be gone before its turn (Playwright then waits for it)
		@SuppressWarnings("unchecked")
		List<String> actors = (List<String>) page.locator("#held button.held-thread:not([disabled])")
			.evaluateAll("buttons => buttons.map(b => b.dataset.actor)");
		return actors;
	}

	@Test
	void stepLetsTheChosenThreadMoveAndNoOtherOne() {
		open("/scenarios/deadlock");
		for (int attempt = 0; attempt < 4 && !held().containsAll(List.of("A", "B")); attempt++) {
			if (!startChallenge()) {
				continue;
			}
			// step main until both A and B are held at their first step
			for (int i = 0; i < 40 && !held().containsAll(List.of("A", "B")) && !held().isEmpty(); i++) {
				stepThread(held().get(0));
			}
		}
		assertThat(held()).contains("A", "B");
		String bBefore = page.locator("#held button[data-actor='B']").textContent();
		String aBefore = page.locator("#held button[data-actor='A']").textContent();
		int before = gateMessages();
		page.locator("g.row-label[aria-label^='A:']").click();
		page.waitForCondition(() -> gateMessages() > before);
		assertThat(page.locator("#held button[data-actor='B']")).hasText(bBefore);
		assertThat(page.locator("#held button[data-actor='A']")).not().hasText(aBefore);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("step-chosen")));
		page.click("#cancel");
		waitForEnd();
	}

	@Test
	void theDeadlockChallengeIsWonByClosingTheCycleByHand() {
		page.setViewportSize(1280, 720); // in teacher mode, on a projector: the won challenge fits the first screen
		open("/scenarios/deadlock");
		page.keyboard().press("t");
		// the pause follows the start on the socket: on a loaded machine the threads may get through
		// first, and the page then says so; the learner (and this test) presses Challenge again
		for (int attempt = 0; attempt < 4; attempt++) {
			if (startChallenge() && playChallenge()) {
				break;
			}
		}
		assertThat(page.locator("main.scenario")).hasAttribute("data-challenge", "won");
		assertThat(page.locator("#challenge-box")).containsText("Challenge won");
		assertThat(page.locator("main.scenario")).hasAttribute("data-outcome", "DEADLOCK");
		assertThat(page.locator("g.step-mark.decisive").count()).as("the decisive steps, numbered on the lanes").isGreaterThanOrEqualTo(2);
		assertThat(FirstScreen.problems(page)).as("the won challenge on the first screen").isEmpty();
		page.mouse().move(0, 0);
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("challenge-won")));
	}

	/** Steps A and B in turns until the run ends; false if it ended before any step (too fast). */
	private boolean playChallenge() {
		String next = "A";
		for (int i = 0; i < 80 && !"ended".equals(page.locator("main.scenario").getAttribute("data-state")); i++) {
			List<String> held = held();
			if (held.isEmpty()) {
				page.waitForCondition(() -> !held().isEmpty() || "ended".equals(page.locator("main.scenario").getAttribute("data-state")));
				continue;
			}
			// A and B take turns, one step each; main goes whenever the one whose turn it is is not held
			String other = next.equals("A") ? "B" : "A";
			String who = held.contains(next) ? next
					: held.stream().filter(h -> !h.equals("A") && !h.equals("B")).findFirst().orElse(other);
			stepThread(who);
			if (who.equals(next)) {
				next = other;
			}
		}
		waitForEnd();
		return !"too-fast".equals(page.locator("main.scenario").getAttribute("data-challenge"));
	}

	@Test
	void aFinishedRunReplaysAndEveryPanelShowsTheScrubbedTime() {
		open("/scenarios/condition-poem");
		page.click("button.variant[data-variant=turns]");
		page.fill("input[name=lineSeconds]", "0.2");
		page.fill("input[name=speed]", "10");
		page.click("#run");
		waitForEnd();
		assertThat(page.locator("#player")).isVisible();
		assertThat(page.locator("#console li")).hasCount(12);

		page.locator("#scrubber").fill("0");
		assertThat(page.locator("#console li")).hasCount(0);
		assertThat(page.locator("#console .console-empty")).isVisible();

		page.locator("#scrubber").fill("500");
		double t = Double.parseDouble(page.locator("main.scenario").getAttribute("data-replay-t"));
		int lines = page.locator("#console li").count();
		assertThat(lines).as("lines printed by the middle of the run").isBetween(2, 11);
		assertThat(page.locator("section.panel[data-object='cond'] .panel-state")).not().containsText("12 notifies");
		assertThat(page.locator("#java-listing .marker").count()).as("markers where the threads were then").isGreaterThan(0);
		assertThat(page.locator("line.cursor")).not().hasAttribute("display", "none");
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("replay-scrubbed")));

		page.keyboard().press("ArrowLeft");
		double back = Double.parseDouble(page.locator("main.scenario").getAttribute("data-replay-t"));
		assertThat(back).as("a step back goes to the event before").isLessThan(t);

		page.click("#replay-play");
		assertThat(page.locator("#console li")).hasCount(12, LONG);
		assertThat(page.locator("#replay-play")).hasText("Play");
	}

	@Test
	void thePermalinkHoldsTheParametersAndSettingsThroughReloadBackAndAnotherTab() {
		run("/scenarios/gil-race", "n", "5");
		waitForEnd();
		assertThat(page.url()).contains("n=5").contains("lang=en");
		page.uncheck("input[name=gil]");
		page.fill("input[name=n]", "7");
		page.click("#run");
		waitForEnd();
		assertThat(page.url()).contains("n=7").contains("gil=false");

		page.reload();
		assertThat(page.locator("input[name=n]")).hasValue("7");
		assertThat(page.locator("input[name=gil]")).not().isChecked();
		assertThat(page.locator("main.scenario")).hasAttribute("data-state", "ended"); // the last run, replayable

		page.goBack();
		assertThat(page.locator("input[name=n]")).hasValue("5");
		assertThat(page.locator("input[name=gil]")).isChecked();

		Page other = newPage();
		other.navigate(page.url().replace("lang=en", "lang=zh").replace("n=5", "n=9"));
		assertThat(other.locator("input[name=n]")).hasValue("9");
		assertThat(other.locator("#run")).hasText("运行");
		assertThat(other.locator("#language-link")).hasAttribute("href", java.util.regex.Pattern.compile(".*lang=en.*n=9.*"));
		other.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("permalink-zh")));
	}

	@Test
	void theLanguageFollowsEachTabsAddress() {
		open("/?lang=zh");
		assertThat(page.locator("h1")).hasText("课程");
		Page english = newPage();
		english.navigate("http://localhost:" + port + "/scenarios/deadlock?lang=en");
		assertThat(english.locator("#run")).hasText("Run");

		page.click("li[data-scenario='deadlock'] a");
		assertThat(page.locator("#run")).hasText("运行");
		assertThat(page.locator("html")).hasAttribute("lang", "zh");
		english.reload();
		assertThat(english.locator("#run")).hasText("Run");
		english.click("nav a:first-child");
		assertThat(english.locator("h1")).hasText("The lessons");
		page.reload();
		assertThat(page.locator("#run")).hasText("运行");
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("language-per-tab-zh")));
		english.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("language-per-tab-en")));
	}

	@Test
	void fortySpidersFoldIntoOneLaneThatOpensOnRequestAndTooltipsNameTheSemaphore() {
		run("/scenarios/semaphore", "urls", "40", "seconds", "0.2", "speed", "20");
		waitForEnd();
		Locator group = page.locator("g.row-label.group-label");
		assertThat(group).hasCount(1);
		assertThat(group).containsText("spider ×40");
		assertThat(group).hasAttribute("aria-expanded", "false");
		assertThat(page.locator("g.row-label").count()).as("rows while folded").isLessThan(6);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("semaphore-folded")));

		group.focus();
		page.keyboard().press("Enter");
		assertThat(group).hasAttribute("aria-expanded", "true");
		assertThat(page.locator("g.row-label").count()).as("rows when open").isGreaterThan(40);

		// forty lanes go on the canvas: the pointer finds what is under it all the same
		Locator row = page.locator("g.row-label").filter(new Locator.FilterOptions().setHasText("UrlProducer"));
		row.scrollIntoViewIfNeeded();
		var label = row.boundingBox();
		var plot = page.locator("rect.hit-area").boundingBox();
		String tip = "";
		for (double f = 0.02; f < 1 && !tip.contains("waiting for a lock"); f += 0.01) {
			page.mouse().move(plot.x + plot.width * f, label.y + label.height / 2);
			tip = page.locator("#timeline-tooltip").isVisible() ? page.locator("#timeline-tooltip").textContent() : "";
		}
		assertThat(tip).contains("UrlProducer").contains("waiting for a lock").contains("on sem");
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("semaphore-open-tooltip")));
	}

	@Test
	void arrowsCanBeHiddenByKindAndTheZoomStaysPutAndResets() {
		run("/scenarios/thread-target", "speed", "10");
		waitForEnd();
		assertThat(page.locator("path.link-joined")).hasCount(2);
		page.locator("label.arrow-kind[data-kind='JOINED'] input").uncheck();
		assertThat(page.locator("path.link-joined")).hasCount(0);
		page.locator("label.arrow-kind[data-kind='JOINED'] input").check();
		assertThat(page.locator("path.link-joined")).hasCount(2);

		String whole = page.locator(".axis-bottom").textContent();
		assertThat(page.locator("#zoom-reset")).isDisabled();
		page.keyboard().press("w");
		page.keyboard().press("w");
		assertThat(page.locator("#zoom-reset")).isEnabled();
		assertThat(page.locator(".axis-bottom")).not().hasText(whole);
		page.keyboard().press("a");
		page.keyboard().press("0");
		assertThat(page.locator(".axis-bottom")).hasText(whole);
		assertThat(page.locator("#zoom-reset")).isDisabled();
	}

	@Test
	void aBadFieldIsMarkedInvalidAndFocused() {
		run("/scenarios/thread-target", "htmlSeconds", "99");
		assertThat(page.locator("#status.error")).hasText("get_detail_html sleeps (s) must be from 0.1 to 10.");
		assertThat(page.locator("input[name=htmlSeconds]")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("input[name=htmlSeconds]")).isFocused();
	}

}
