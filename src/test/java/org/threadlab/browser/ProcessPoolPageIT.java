package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threadlab.testing.Chromium;

import com.microsoft.playwright.Locator;

/** §6's pools in the page: the process pool's insides drawn beside the thread pool's; screenshots in target/screenshots. */
class ProcessPoolPageIT extends BrowserTest {

	@Test
	void cpuBoundDrawsTheThreadsTheManagerThreadAndTheWorkerProcessesWithThePoolsQueues() {
		open("/scenarios/cpu-bound");
		page.click("button.variant[data-variant=small]");
		page.click("#run");
		waitForEnd();

		assertThat(page.locator("#outcome")).containsText("Completed");
		for (String lane : new String[] { "main", "ThreadPoolExecutor-0_0", "Thread-1", "SpawnProcess-1", "SpawnProcess-2" }) {
			assertThat(page.locator("g.row-label[data-actor='" + lane + "']")).hasCount(1); // on the canvas too
		}
		for (String object : new String[] { "_call_queue", "_result_queue", "_work_ids" }) {
			assertThat(page.locator("section.panel[data-object='" + object + "']")).hasCount(1);
		}
		assertThat(page.locator("#console")).containsText("processes: ");
		page.mouse().move(0, 0);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("cpu-bound")));
		assertThat(page.locator("section.panel").count()).isGreaterThan(3);
		page.locator("section.objects-box").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("cpu-bound-objects")));
	}

	@Test
	void imapShowsTheResultsHandedOutInOrder() {
		open("/scenarios/imap");
		page.fill("input[name=speed]", "4");
		page.click("#run");
		waitForEnd();

		assertThat(page.locator("#outcome")).containsText("Completed");
		for (String lane : new String[] { "SpawnPoolWorker-1", "SpawnPoolWorker-2", "Thread-2 (_handle_tasks)",
				"Thread-3 (_handle_results)" }) {
			assertThat(page.locator("g.row-label[data-actor='" + lane + "']")).hasCount(1); // on the canvas too
		}
		assertThat(page.locator("section.panel[data-object='IMapIterator-0']")).hasCount(1);
		page.mouse().move(0, 0);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("imap")));
	}

}
