package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.testing.Chromium;
import org.threadlab.testing.RunThreads;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * A learner's browser against the server on a random port: one Chromium per test class, a fresh page
 * per test, and after each test no run thread or child process left behind.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class BrowserTest {

	static final LocatorAssertions.HasCountOptions LONG = new LocatorAssertions.HasCountOptions().setTimeout(30_000);

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	private BrowserContext context;

	Page page;

	/** What the pages said on their console as errors, and what they threw: any fails the test. */
	final List<String> consoleErrors = new CopyOnWriteArrayList<>();

	/** Console errors a test causes on purpose (a page it knows is missing): these alone are allowed. */
	final List<java.util.function.Predicate<String>> expectedErrors = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void launchBrowser() {
		playwright = Chromium.playwright();
		browser = Chromium.launch(playwright);
	}

	@AfterAll
	static void closeBrowser() {
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openPage() {
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
			.setLocale("en-US")
			.setAcceptDownloads(true));
		page = newPage();
	}

	private final List<BrowserContext> others = new CopyOnWriteArrayList<>();

	/** Another person's browser (its own storage and cookies), in {@code locale}: a tab of it, watched like the first. */
	Page otherBrowser(String locale, int width, int height) {
		BrowserContext other = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
			.setLocale(locale));
		others.add(other);
		return watched(other.newPage());
	}

	/** Another tab of the same browser (same cookies), watched for console errors like the first. */
	Page newPage() {
		return watched(context.newPage());
	}

	private Page watched(Page tab) {
		tab.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				consoleErrors.add(message.text() + " @ " + message.location());
			}
		});
		tab.onPageError(error -> consoleErrors.add("uncaught: " + error));
		return tab;
	}

	@AfterEach
	void closePage() throws InterruptedException {
		others.forEach(BrowserContext::close);
		others.clear();
		context.close();
		assertThat(consoleErrors.stream().filter(e -> expectedErrors.stream().noneMatch(x -> x.test(e))))
			.as("console errors").isEmpty();
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.childProcesses()).isEmpty();
	}

	void open(String path) {
		page.navigate("http://localhost:" + port + path);
	}

	void waitForEnd() {
		assertThat(page.locator("main.scenario[data-state=ended]")).hasCount(1, LONG);
	}

}
