package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threadlab.testing.Chromium;

import com.microsoft.playwright.Locator;

/** §6.7 in the browser: what crosses between processes, drawn as arrows between their lanes. Screenshots in target/screenshots. */
class ProcessPagesIT extends BrowserTest {

	private void runVariant(String path, String variant, String speed) {
		open(path);
		page.click("button.variant[data-variant=" + variant + "]");
		page.fill("input[name=speed]", speed);
		page.click("#run");
		waitForEnd();
		assertThat(page.locator("main.scenario")).hasAttribute("data-outcome", "COMPLETED");
	}

	@Test
	void theItemCrossesFromTheProducersLaneToTheConsumers() {
		runVariant("/scenarios/process-queue", "tutorial", "10");
		assertThat(page.locator("#console li")).hasCount(1);
		assertThat(page.locator("#console li").first()).containsText("a");
		assertThat(page.locator("path.link-got").count()).as("put → get across the processes").isGreaterThan(0);
		assertThat(page.locator("section.panel[data-object='queue']")).containsText("multiprocessing.Queue");
		assertThat(page.locator("section.panel[data-object='queue'] rect.cell")).hasCount(10);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("process-queue")));
	}

	@Test
	void bobbyGoesAndTheAnswerComesBackOnOnePipe() {
		runVariant("/scenarios/pipe", "both-ways", "10");
		assertThat(page.locator("#console")).containsText("got bobby");
		assertThat(page.locator("path.link-got").count()).as("both ways").isGreaterThanOrEqualTo(2);
	}

	@Test
	void theManagersLockKeepsEveryUpdateEachCallCrossesToTheManagerAndBack() {
		runVariant("/scenarios/manager-dict", "with-lock", "10");
		assertThat(page.locator("#console li").last()).containsText("{'count': 6}");
		assertThat(page.locator("g.lane[data-actor='SyncManager-1']")).hasCount(1);
		assertThat(page.locator("path.link-reply").count()).as("the manager's answers → the callers' replies").isGreaterThan(10);
		assertThat(page.locator("section.panel[data-object='lock']")).containsText("Lock");
		assertThat(page.locator("g.lane rect.state-waiting").count()).as("callers waiting for the manager").isGreaterThan(0);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("manager-dict")));
	}

	@Test
	void thePoolsTasksShareTheManagersQueueAPlainQueueLeavesOnlySilence() {
		runVariant("/scenarios/manager-queue", "tutorial", "5");
		assertThat(page.locator("#console li")).hasCount(1);
		assertThat(page.locator("#console li").first()).containsText("a");
		for (String lane : new String[] { "SyncManager-1", "Thread-2 (_handle_tasks)" }) {
			assertThat(page.locator("g.row-label[data-actor='" + lane + "']")).hasCount(1); // on the canvas too
		}
		// each worker's own lane (and the lane of the manager's thread serving it, named after it)
		for (String worker : new String[] { "SpawnPoolWorker-2", "SpawnPoolWorker-3" }) {
			assertThat(page.locator("g.row-label[data-actor='" + worker + "']").count()).isGreaterThanOrEqualTo(1);
		}
		assertThat(page.locator("path.link-reply").count()).as("the manager's answers cross back to the workers").isGreaterThan(0);
		page.mouse().move(0, 0);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("manager-queue")));

		runVariant("/scenarios/manager-queue", "plain-queue", "5");
		assertThat(page.locator("#console li")).hasCount(0);
		page.mouse().move(0, 0);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("manager-queue-plain")));
	}

}
