package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threadlab.testing.Chromium;
import org.threadlab.testing.Pythons;

import com.microsoft.playwright.Locator;

/** The page's Python listing follows the form, and the same listing runs in real CPython beside the run. */
class PythonPageIT extends BrowserTest {

	private final List<String> errors = new CopyOnWriteArrayList<>();

	@BeforeEach
	void collectConsoleErrors() {
		page.onConsoleMessage(message -> {
			// the favicon's 404 is everyone's (issue 9), not this page's
			if (message.type().equals("error") && !message.location().contains("favicon")) {
				errors.add(message.text());
			}
		});
		page.onPageError(errors::add);
	}

	@Test
	void thePythonListingShowsTheValuesOfTheForm() {
		page.clock().install(); // the page's timers on a clock the test can move on
		open("/scenarios/gil-race");
		assertThat(page.locator("#python-listing")).containsText("for i in range(1000000):");
		page.fill("input[name=n]", "5");
		assertThat(page.locator("#python-listing")).containsText("for i in range(5):");
		assertThat(page.locator("#python-listing")).not().containsText("#@");
		page.fill("input[name=n]", "0"); // refused by the form: the listing stays as it was
		page.clock().runFor(1000); // past the listing's wait for the typing to stop (250 ms): the form has had its say
		assertThat(page.locator("#python-listing")).containsText("for i in range(5):");

		open("/scenarios/rlock");
		page.click("button.variant[data-variant=lock]");
		assertThat(page.locator("#python-listing")).containsText("lock = threading.Lock()");
		assertThat(errors).as("console errors").isEmpty();
	}

	@Test
	void theSameListingRunsInCPythonBesideTheConsole() throws InterruptedException {
		String version = Pythons.interpreter().version();
		open("/scenarios/thread-target");
		assertThat(page.locator("#python-run .python-status")).containsText(version);
		page.fill("input[name=speed]", "20");
		page.click("#run");
		page.click("#python-run button.python-run-button");
		waitForEnd();
		assertThat(page.locator("#python-run .python-line")).hasCount(5, LONG);
		assertThat(page.locator("#python-run .python-line").first()).containsText("get detail html started");
		assertThat(page.locator("#python-run .python-line").last()).containsText("last time: 4.");
		assertThat(page.locator("#python-run .python-status")).containsText("finished");
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("python-run")));
		assertThat(errors).as("console errors").isEmpty();
		assertThat(Pythons.awaitNoListing(Duration.ofSeconds(10))).isEmpty();
	}

	@Test
	void aChinesePageSaysItInChinese() {
		Pythons.interpreter();
		open("/scenarios/deadlock?lang=zh"); // at speed 1: the 0.1 s pause lets B take b before A wants it
		page.click("#python-run button.python-run-button");
		assertThat(page.locator("#python-run .python-status")).containsText("程序卡住了", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		assertThat(page.locator("#python-run .python-status")).containsText("停在第");
		assertThat(errors).as("console errors").isEmpty();
	}

}
