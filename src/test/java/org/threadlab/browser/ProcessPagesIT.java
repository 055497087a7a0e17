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

}
