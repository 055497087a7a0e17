package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.testing.Chromium;
import org.threadlab.testing.RunThreads;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;

/** The deadlock drawn as a cycle, the poem told in turns: what a teacher projects. Screenshots in target/screenshots. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SyncPagesIT {

	private static final LocatorAssertions.HasCountOptions LONG = new LocatorAssertions.HasCountOptions().setTimeout(30_000);

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	private BrowserContext context;

	private Page page;

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
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"));
		page = context.newPage();
	}

	@AfterEach
	void closePage() throws InterruptedException {
		context.close();
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
	}

	private void runAndWait(String path, String speed) {
		page.navigate("http://localhost:" + port + path);
		page.fill("input[name=speed]", speed);
		page.click("#run");
		assertThat(page.locator("main.scenario[data-state=ended]")).hasCount(1, LONG);
	}

	@Test
	void theDeadlockIsDrawnAsACycleAndBothThreadsAreFreed() {
		page.navigate("http://localhost:" + port + "/scenarios/deadlock");
		// a whole second between the two locks: ample time for the other thread to take its first
		page.fill("input[name=pause]", "1");
		page.fill("input[name=speed]", "2");
		page.click("#run");
		assertThat(page.locator("main.scenario[data-state=ended]")).hasCount(1, LONG);

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
		page.navigate("http://localhost:" + port + "/scenarios/deadlock");
		page.click("button.variant[data-variant=same]");
		page.fill("input[name=speed]", "10");
		page.click("#run");
		assertThat(page.locator("main.scenario[data-state=ended]")).hasCount(1, LONG);
		assertThat(page.locator("main.scenario")).hasAttribute("data-outcome", "COMPLETED");
		assertThat(page.locator("path.cycle")).hasCount(0);
	}

	@Test
	void thePoemIsToldInTurnsWithEachNotifyLinkedToTheWaitItEnds() {
		page.navigate("http://localhost:" + port + "/scenarios/condition-poem");
		page.click("button.variant[data-variant=turns]");
		page.fill("input[name=speed]", "4");
		page.click("#run");
		assertThat(page.locator("main.scenario[data-state=ended]")).hasCount(1, LONG);

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
		page.navigate("http://localhost:" + port + "/scenarios/gil-race");
		page.fill("input[name=n]", "300000");
		page.uncheck("input[name=gil]");
		page.click("#run");
		assertThat(page.locator("main.scenario[data-state=ended]")).hasCount(1, LONG);
		assertThat(page.locator("#console")).containsText("lost updates:");
		assertThat(page.locator("section.panel[data-object='total'] path.line")).hasCount(1);
		page.locator("section.run-view").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("gil-race")));
	}

	@Test
	void thePoolsInsidesAreDrawnWorkersAppearOnDemandFuturesAreSet() {
		page.navigate("http://localhost:" + port + "/scenarios/pool-internals");
		page.fill("input[name=speed]", "5");
		page.click("#run");
		assertThat(page.locator("main.scenario[data-state=ended]")).hasCount(1, LONG);
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
