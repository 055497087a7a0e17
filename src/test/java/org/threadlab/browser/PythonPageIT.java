package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;
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
	void cpythonsOwnTimelineIsDrawnUnderThreadLabsOnTheSameAxisWithItsArrowsAndItsDifferences() throws InterruptedException {
		Pythons.interpreter();
		open("/scenarios/deadlock");
		page.check("input[name=sameOrder]");
		page.fill("input[name=speed]", "10");
		page.click("#run");
		page.click("#python-run button.python-run-button");
		waitForEnd();
		assertThat(page.locator("#python-run .python-status")).containsText("finished", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		Locator box = page.locator("#python-timeline-box");
		assertThat(box).isVisible();
		assertThat(box.locator(".python-gil-note")).containsText("GIL");
		// CPython's lanes, in ThreadLab's order: the program's MainThread where ThreadLab's main is; no GIL lane
		assertThat(page.locator("#timeline g.lane")).hasCount(4, LONG);
		assertThat(page.locator("#python-timeline g.lane")).hasCount(3, LONG);
		assertThat(page.locator("#python-timeline g.lane").nth(0)).hasAttribute("data-actor", "MainThread");
		List<String> ours = page.locator("#timeline g.lane").all().stream().map(l -> l.getAttribute("data-actor")).toList();
		List<String> theirs = page.locator("#python-timeline g.lane").all().stream().map(l -> l.getAttribute("data-actor")).toList();
		assertThat(ours).containsExactly("GIL", "main", "A", "B");
		assertThat(theirs).containsExactly("MainThread", "A", "B");
		// one time axis: the plots begin at the same x and span the same window
		page.waitForFunction("() => document.querySelector('#python-timeline rect.hit-area')?.getAttribute('x') === "
				+ "document.querySelector('#timeline rect.hit-area')?.getAttribute('x')");
		assertThat(page.locator("#python-timeline g.axis-bottom .tick text").last().textContent())
			.isEqualTo(page.locator("#timeline g.axis-bottom .tick text").last().textContent());
		// the arrows CPython's trace names: B's ACQUIRED let through by A's RELEASE, the JOINEDs by the EXITs
		assertThat(page.locator("#python-timeline path.link-acquired").count()).isGreaterThanOrEqualTo(2);
		assertThat(page.locator("#python-timeline path.link-joined").count()).isGreaterThanOrEqualTo(2);
		assertThat(page.locator("#python-differences li").first()).isVisible();
		assertThat(page.locator("#download-python")).isEnabled();
		assertThat(page.locator("#export-python-trace")).isEnabled();
		com.microsoft.playwright.Download trace = page.waitForDownload(() -> page.click("#export-python-trace"));
		assertThat(trace.suggestedFilename()).startsWith("threadlab-deadlock-cpython-").endsWith(".perfetto-trace");
		com.microsoft.playwright.Download recording = page.waitForDownload(() -> page.click("#download-python"));
		assertThat(recording.suggestedFilename()).endsWith(".json");
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("python-timeline")));
		assertThat(errors).as("console errors").isEmpty();
	}

	@Test
	void aRunThatDiffersIsMarkedWhereItDiffers() throws InterruptedException {
		Pythons.interpreter();
		open("/scenarios/deadlock");
		page.fill("input[name=speed]", "10");
		page.click("#python-run button.python-run-button");
		assertThat(page.locator("#python-run .python-status")).containsText("hangs", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		page.check("input[name=sameOrder]"); // ThreadLab's run in the one order: it completes where CPython's hung
		page.click("#run");
		waitForEnd();
		assertThat(page.locator("#python-differences li").first()).containsText("ends otherwise", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
		assertThat(errors).as("console errors").isEmpty();
	}

	@Autowired
	ScenarioCatalog catalog;

	@Test
	void everyLessonsCPythonTimelineIsDrawnLiveBesideThreadLabsAtTheHighestSpeed() {
		Pythons.interpreter();
		List<String> ids = catalog.all().stream().map(Scenario::id).toList();
		assertThat(ids).hasSize(25);
		for (String id : ids) {
			System.out.println("CPython's timeline of " + id);
			open("/scenarios/" + id);
			page.fill("input[name=speed]", "100");
			page.click("#run");
			page.click("#python-run button.python-run-button");
			// drawn while it runs: the box shows as soon as CPython's run has started (it may wait for ThreadLab's
			// run first: the client's share holds both only if their processes fit)
			assertThat(page.locator("#python-timeline-box")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
			assertThat(page.locator("#python-run[data-state^=ended]")).hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(90_000));
			assertThat(page.locator("main.scenario[data-state=ended]")).hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(90_000));
			page.waitForFunction("() => document.querySelectorAll('#python-timeline .row-label').length > 0"); // lanes on the canvas when many
			assertThat(page.locator("#python-differences li").first()).isVisible();
			page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("python-" + id)));
			assertThat(errors).as("console errors on %s", id).isEmpty();
		}
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
