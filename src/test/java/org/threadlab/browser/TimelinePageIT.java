package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threadlab.scenario.threads.ThreadTargetScenario;
import org.threadlab.testing.Chromium;
import org.threadlab.testing.JavaLines;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** A learner opens thread-target, presses Run and watches the timeline grow; screenshots in target/screenshots. */
class TimelinePageIT extends BrowserTest {

	/** The lanes of threads and processes, without the GIL's. */
	static final String THREAD_LANES = "g.lane:not([data-actor^='GIL'])";

	@Test
	void runningThreadTargetDrawsThreeLanesAndTheOutcome() {
		open("/scenarios/thread-target");
		page.fill("input[name=speed]", "4");
		page.click("#run");
		waitForEnd();

		assertThat(page.locator(THREAD_LANES)).hasCount(3);
		assertThat(page.locator("g.lane[data-actor='GIL'] rect.state-gil").count()).as("the GIL lane").isGreaterThan(0);
		for (String lane : new String[] { "main", "Thread-1 (get_detail_html)", "Thread-2 (get_detail_url)" }) {
			assertThat(page.locator("g.lane[data-actor='" + lane + "'] rect.segment").count()).as(lane).isGreaterThan(1);
		}
		assertThat(page.locator("g.lane[data-actor='main'] rect.state-joining")).hasCount(2);
		assertThat(page.locator("g.lane rect.state-sleeping")).hasCount(2);
		assertThat(page.locator("path.link")).hasCount(2);
		assertThat(page.locator("#outcome")).containsText("Completed in 4.");
		assertThat(page.locator("#console")).containsText("get detail url end");
		assertThat(page.locator(".timeline-chart .axis .tick").count()).isGreaterThan(2);

		// a click on a sleep shows the line of the Java listing that slept
		page.locator("g.lane[data-actor='Thread-1 (get_detail_html)'] rect.state-sleeping").click();
		assertThat(page.locator("#java-listing .code-line.highlighted")).containsText("sleep(seconds);");
		assertThat(page.locator("#java-listing .code-line.highlighted")).hasAttribute("data-line",
				String.valueOf(JavaLines.of(ThreadTargetScenario.class, "html-sleep")));
		page.mouse().move(0, 0);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("thread-target")));
	}

	@Test
	void theTimelineGrowsWhileTheRunIsGoing() {
		open("/scenarios/thread-target");
		page.fill("input[name=speed]", "1");
		page.click("#run");
		// at speed 1 the run takes 4 s: the lanes are there long before it ends
		assertThat(page.locator("main.scenario[data-state=running] " + THREAD_LANES)).hasCount(3, LONG);
		assertThat(page.locator("g.lane rect.state-sleeping")).hasCount(2, LONG);
		assertThat(page.locator("#outcome")).isHidden();
		page.click("#cancel");
		waitForEnd();
		assertThat(page.locator("#outcome")).containsText("Cancelled");
	}

	@Test
	void theDaemonVariantShowsItsThreadsCutOffWithTheirProcess() {
		open("/scenarios/thread-target");
		page.click("button.variant[data-variant=daemon]");
		page.fill("input[name=speed]", "4");
		page.click("#run");
		waitForEnd();

		assertThat(page.locator(THREAD_LANES)).hasCount(4);
		assertThat(page.locator("g.lane rect.state-cut-off")).hasCount(2);
		assertThat(page.locator(".lane-label").filter(new Locator.FilterOptions().setHasText("main"))).containsText("pid");
		assertThat(page.locator("#console")).not().containsText("get detail url end");
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("thread-target-daemon")));
	}

	@Test
	void aValueOutOfBoundsIsRefusedWithItsBoundsAndNothingRuns() {
		open("/scenarios/thread-target");
		page.fill("input[name=htmlSeconds]", "99");
		page.click("#run");
		assertThat(page.locator("#status.error")).hasText("get_detail_html sleeps (s) must be from 0.1 to 10.");
		assertThat(page.locator(THREAD_LANES)).hasCount(0);
	}

	@Test
	void thePageSpeaksChinese() {
		open("/scenarios/thread-target?lang=zh");
		assertThat(page.locator("h1")).containsText("用目标函数创建线程");
		assertThat(page.locator("#run")).hasText("运行");
		page.fill("input[name=speed]", "10");
		page.click("#run");
		waitForEnd();
		assertThat(page.locator("#outcome")).containsText("完成");
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("thread-target-zh")).setFullPage(true));
	}

	@Test
	void theCatalogListsTheLessonsAsTheTutorialIsGroupedAndLeadsToThem() {
		open("/");
		assertThat(page.locator("section.catalog-section")).hasCount(6);
		assertThat(page.locator("li.built a").count()).isGreaterThan(10);
		assertThat(page.locator("li.coming")).hasCount(0); // every lesson of the tutorial runs
		assertThat(page.locator("li.built[data-scenario='manager-queue'] a")).hasCount(1);
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("catalog")).setFullPage(true));
		page.click("li[data-scenario='deadlock'] a");
		assertThat(page.locator("h1")).containsText("Deadlock");
	}

	@Test
	void aTeacherCanPauseStepAndResumeARun() {
		open("/scenarios/thread-target");
		page.fill("input[name=speed]", "1");
		page.click("#run");
		assertThat(page.locator("main.scenario[data-state=running]")).hasCount(1, LONG);
		page.click("#pause");
		assertThat(page.locator("main.scenario[data-paused=true]")).hasCount(1);
		assertThat(page.locator("#pause")).hasText("Resume");
		assertThat(page.locator("#step")).isEnabled();
		page.click("#step");
		page.click("#pause");
		assertThat(page.locator("main.scenario[data-paused=false]")).hasCount(1);
		assertThat(page.locator("#step")).isDisabled();
		waitForEnd();
		assertThat(page.locator("main.scenario")).hasAttribute("data-outcome", "COMPLETED");
	}

}
