package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threadlab.testing.Chromium;

import com.microsoft.playwright.Locator;

/** The deadlock drawn as a cycle, the poem told in turns: what a teacher projects. Screenshots in target/screenshots. */
class SyncPagesIT extends BrowserTest {

	private void runAndWait(String path, String speed) {
		open(path);
		page.fill("input[name=speed]", speed);
		page.click("#run");
		waitForEnd();
	}

	@Test
	void theDeadlockIsDrawnAsACycleAndBothThreadsAreFreed() {
		open("/scenarios/deadlock");
		// a whole second between the two locks: ample time for the other thread to take its first
		page.fill("input[name=pause]", "1");
		page.fill("input[name=speed]", "2");
		page.click("#run");
		waitForEnd();

		assertThat(page.locator("main.scenario")).hasAttribute("data-outcome", "DEADLOCK");
		assertThat(page.locator("#outcome")).containsText("Deadlock found");
		assertThat(page.locator("path.cycle")).hasCount(2);
		assertThat(page.locator("text.cycle-label")).hasCount(2);
		assertThat(page.locator("g.lane[data-actor='A'] rect.state-blocked").count()).isGreaterThan(0);
		assertThat(page.locator("g.lane[data-actor='A'] rect.segment").last()).hasClass("segment state-stopped");
		assertThat(page.locator("g.lane[data-actor='B'] rect.segment").last()).hasClass("segment state-stopped");
		assertThat(page.locator("section.panel[data-object='a'] .panel-state")).hasText("held by A"); // A was freed still holding it
		page.locator("section.run-view")
			.screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("deadlock")));
	}

	@Test
	void theFixedOrderCompletes() {
		open("/scenarios/deadlock");
		page.click("button.variant[data-variant=same]");
		page.fill("input[name=speed]", "10");
		page.click("#run");
		waitForEnd();
		assertThat(page.locator("main.scenario")).hasAttribute("data-outcome", "COMPLETED");
		assertThat(page.locator("path.cycle")).hasCount(0);
	}

	@Test
	void thePoemIsToldInTurnsWithEachNotifyLinkedToTheWaitItEnds() {
		open("/scenarios/condition-poem");
		page.click("button.variant[data-variant=turns]");
		page.fill("input[name=speed]", "4");
		page.click("#run");
		waitForEnd();

		assertThat(page.locator("main.scenario")).hasAttribute("data-outcome", "COMPLETED");
		assertThat(page.locator("#console li")).hasCount(12);
		assertThat(page.locator("#console li").first()).containsText("天猫精灵: 小爱同学");
		assertThat(page.locator("#console li").last()).containsText("小爱: 定不负相思意");
		assertThat(page.locator("path.link-woken").count()).as("notify → woken arrows").isGreaterThan(5);
		assertThat(page.locator("g.lane rect.state-waiting").count()).isGreaterThan(5);
		assertThat(page.locator("section.panel[data-object='cond']")).containsText("Condition");
		page.locator("section.run-view")
			.screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("condition-poem")));
	}

	@Test
	void theQueuePanelShowsItsDepthAgainstMaxsize() {
		runAndWait("/scenarios/queue", "10");
		assertThat(page.locator("main.scenario")).hasAttribute("data-outcome", "COMPLETED");
		assertThat(page.locator("section.panel[data-object='detail_url_queue'] rect.cell")).hasCount(5);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("queue")));
	}

	@Test
	void theGilRaceCountsItsLostUpdates() {
		open("/scenarios/gil-race");
		page.fill("input[name=n]", "300000");
		page.uncheck("input[name=gil]");
		page.click("#run");
		waitForEnd();
		assertThat(page.locator("#console")).containsText("lost updates:");
		assertThat(page.locator("section.panel[data-object='total'] path.line")).hasCount(1);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("gil-race")));
	}

	@Test
	void thePoolsInsidesAreDrawnWorkersAppearOnDemandFuturesAreSet() {
		open("/scenarios/pool-internals");
		page.fill("input[name=speed]", "5");
		page.click("#run");
		waitForEnd();
		assertThat(page.locator("main.scenario")).hasAttribute("data-outcome", "COMPLETED");
		assertThat(page.locator("g.lane[data-actor^='ThreadPoolExecutor-']")).hasCount(2);
		assertThat(page.locator("section.panel-future")).hasCount(5);
		assertThat(page.locator("section.panel-future").first()).containsText("finished: 2");
		assertThat(page.locator("section.panel[data-object='work_queue']")).containsText("Queue");
		assertThat(page.locator("path.link-running").count()).as("submit → running arrows").isEqualTo(5);
		assertThat(page.locator("path.link-result").count()).as("done → result arrows").isEqualTo(5);
		page.locator("section.run-view")
			.screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("pool-internals")));
	}

}
