package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.threadlab.testing.Chromium;

import com.microsoft.playwright.Page;

/**
 * Teacher mode on a projector, every lesson: at 1280×720 (and 1024×768, 1920×1080) the timeline with its
 * axis, every lane's name whole and the run's result line are on the screen at once, in type of 24 px
 * or more, whether the run is paused with threads held, running or ended; the held list and the caption
 * sit beside the timeline; on a teacher's page in a room too, its counts in the bar and its panel over the
 * timeline's side. One page for all lessons, each run at speed 10, started paused. Screenshots
 * teacher-&lt;lesson&gt;-&lt;state&gt;.png and teacher-room-&lt;lesson&gt;-&lt;state&gt;.png in target/screenshots.
 */
class TeacherScreenIT extends BrowserTest {

	private static final String MAIN = "main.scenario";

	private static final int[][] OTHER_SIZES = { { 1024, 768 }, { 1920, 1080 } };

	@TestFactory
	Stream<DynamicTest> everyLessonFitsTheFirstScreenInEveryState() {
		page.setViewportSize(1280, 720);
		open("/");
		@SuppressWarnings("unchecked")
		List<String> lessons = (List<String>) page.locator("li.built[data-scenario]").evaluateAll("items => items.map(li => li.dataset.scenario)");
		assertThat(lessons).hasSizeGreaterThanOrEqualTo(25);
		return lessons.stream().map(lesson -> DynamicTest.dynamicTest(lesson, () -> fits(lesson, "teacher-" + lesson)));
	}

	/**
	 * A teacher's page in a room, on lessons with many lanes, processes, a deadlock: the room's counts in the
	 * bar and, while its panel is shown over the timeline's side, the room's code and QR code, with the
	 * same guarantees as without a room; hidden (by C), the timeline has its whole width again.
	 */
	@TestFactory
	Stream<DynamicTest> withARoomOpenTheFirstScreenStillHoldsTheTimeline() {
		return Stream.of("semaphore", "queue", "cpu-bound", "deadlock").map(lesson -> DynamicTest.dynamicTest(lesson, () -> {
			page.setViewportSize(1280, 720);
			open("/scenarios/" + lesson);
			page.click("#room-open");
			assertThat(page.locator("#room-code")).hasText(java.util.regex.Pattern.compile("\\w{3}-\\w{3}"));
			assertThat(page.locator("#room-glance .glance-counts")).containsText("here"); // the roster: the teacher alone
			fits(lesson, "teacher-room-" + lesson);
			assertThat(page.locator("#room-panel")).isVisible();
			page.keyboard().press("c");
			assertThat(page.locator("#room-panel")).isHidden();
			assertThat(page.locator("#room-show")).hasAttribute("aria-expanded", "false");
			check(lesson, "ended, the room's panel hidden", null);
			page.keyboard().press("c");
			assertThat(page.locator("#room-panel")).isVisible();
			page.click("#room-close");
			assertThat(page.locator("#room-panel")).isHidden();
		}));
	}

	/** A lesson's run paused with threads held, then ended: the first screen checked in both, pictures named {@code shot}-state. */
	private void fits(String lesson, String shot) {
		page.setViewportSize(1280, 720);
		open("/scenarios/" + lesson + "?speed=10&paused=true");
		page.keyboard().press("t");
		assertThat(page.locator("html.teacher")).hasCount(1);
		page.keyboard().press("r");
		page.waitForCondition(() -> page.locator(MAIN).getAttribute("data-gate") != null, new Page.WaitForConditionOptions().setTimeout(30_000));
		String held = "#held button.held-thread:not([disabled])";
		for (int i = 0; i < 3; i++) {
			// a step may leave nothing held for a moment (main waits for a child JVM to start, whose first step is then held)
			page.waitForCondition(() -> page.locator(held).count() > 0, new Page.WaitForConditionOptions().setTimeout(20_000));
			int gate = Integer.parseInt(page.locator(MAIN).getAttribute("data-gate"));
			page.keyboard().press("ArrowRight");
			page.waitForCondition(() -> Integer.parseInt(page.locator(MAIN).getAttribute("data-gate")) > gate);
		}
		page.waitForCondition(() -> page.locator(held).count() > 0, new Page.WaitForConditionOptions().setTimeout(20_000));
		check(lesson, "paused", shot);

		page.keyboard().press("Space");
		if ("running".equals(page.locator(MAIN).getAttribute("data-state"))) {
			assertThat(FirstScreen.problems(page)).as("%s running at 1280×720", lesson).isEmpty();
		}
		waitForEnd();
		check(lesson, "ended", shot);
	}

	/** The first screen at 1280×720, then at the other sizes (the chart fits each as the window changes). */
	private void check(String lesson, String state, String shot) {
		settle();
		assertThat(FirstScreen.problems(page)).as("%s %s at 1280×720", lesson, state).isEmpty();
		if (shot != null) {
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot + "-" + state)));
		}
		for (int[] size : OTHER_SIZES) {
			page.setViewportSize(size[0], size[1]);
			settle();
			assertThat(FirstScreen.problems(page)).as("%s %s at %d×%d", lesson, state, size[0], size[1]).isEmpty();
		}
		page.setViewportSize(1280, 720);
		settle();
	}

	/** Waits for the page to have drawn what changed (a resize is drawn at the next frame). */
	private void settle() {
		page.evaluate("() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 50))");
	}

}
