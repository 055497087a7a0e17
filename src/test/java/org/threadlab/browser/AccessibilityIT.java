package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.threadlab.testing.Chromium;

import com.microsoft.playwright.Page;

/**
 * axe-core (the accessibility checker, from its Maven artifact) finds no serious or critical violation on
 * the home page, a scenario page before and after a run; and none at all, its experimental rules on too
 * (a label's name matching what it shows, among others), in teacher mode on every lesson's page, paused
 * with threads held and after the run (cancelled: TeacherScreenIT runs each lesson to its end), and with a
 * teacher's room open, its panel shown and hidden. Each scan prints what it found, whatever its impact.
 */
class AccessibilityIT extends BrowserTest {

	private static String axeSource() throws IOException {
		try (InputStream in = Objects.requireNonNull(AccessibilityIT.class.getClassLoader().getResourceAsStream("axe.min.js"),
				"axe.min.js (com.deque.html.axe-core:playwright)")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Runs axe on the page as it is; returns its violations as {id, impact, nodes, help, targets}. */
	private List<Map<String, Object>> scan(String what) throws IOException {
		return scan(what, false);
	}

	/** The same, with axe's experimental rules too when `experimental`. */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> scan(String what, boolean experimental) throws IOException {
		page.evaluate(axeSource()); // through the DevTools protocol: no script element, no CSP in the way
		List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
				async (experimental) => (await axe.run(document, { resultTypes: ["violations"], rules: experimental
				    ? Object.fromEntries(axe.getRules(["experimental"]).map((r) => [r.ruleId, { enabled: true }])) : {} })).violations.map((v) => ({
				  id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
				  targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ") }))""", experimental);
		System.out.printf("axe-core on %s: %d violation(s)%n", what, violations.size());
		violations.forEach(v -> System.out.printf("  %s [%s] %s (%s nodes): %s%n", v.get("id"), v.get("impact"), v.get("help"),
				v.get("nodes"), v.get("targets")));
		return violations;
	}

	private static List<Object> seriousOrCritical(List<Map<String, Object>> violations) {
		return violations.stream()
			.filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
			.map(v -> (Object) (v.get("id") + ": " + v.get("targets")))
			.toList();
	}

	@Test
	void theHomePageHasNoSeriousViolation() throws IOException {
		open("/");
		assertThat(page.locator("h1")).hasCount(1);
		assertThat(seriousOrCritical(scan("the home page"))).isEmpty();
	}

	@Test
	void aScenarioPageBeforeAndAfterARunAndInTeacherModeHasNoSeriousViolation() throws IOException {
		open("/scenarios/deadlock");
		assertThat(seriousOrCritical(scan("deadlock before a run"))).isEmpty();
		page.fill("input[name=pause]", "0.5");
		page.fill("input[name=speed]", "4");
		page.click("#run");
		waitForEnd();
		assertThat(page.locator("svg.timeline-chart")).hasAttribute("aria-describedby", "timeline-summary");
		assertThat(page.locator("#timeline-summary p").count()).as("the timeline as text").isGreaterThan(3);
		assertThat(seriousOrCritical(scan("deadlock after a run"))).isEmpty();
		page.keyboard().press("t");
		assertThat(page.locator("html.teacher")).hasCount(1);
		assertThat(seriousOrCritical(scan("deadlock in teacher mode"))).isEmpty();
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("a11y-teacher-deadlock")));
	}

	@TestFactory
	Stream<DynamicTest> teacherModeOnEveryLessonHasNoViolationAtAll() {
		page.setViewportSize(1280, 720);
		open("/");
		@SuppressWarnings("unchecked")
		List<String> lessons = (List<String>) page.locator("li.built[data-scenario]").evaluateAll("items => items.map(li => li.dataset.scenario)");
		return lessons.stream().map(lesson -> DynamicTest.dynamicTest(lesson, () -> {
			open("/scenarios/" + lesson + "?speed=20&paused=true");
			page.keyboard().press("t");
			page.keyboard().press("r");
			page.waitForCondition(() -> page.locator("main.scenario").getAttribute("data-gate") != null,
					new Page.WaitForConditionOptions().setTimeout(30_000));
			page.keyboard().press("ArrowRight");
			assertThat(scan(lesson + " in teacher mode, paused", true)).as("%s paused", lesson).isEmpty();
			page.click("#cancel"); // the page after a run, its replay and outcome, without waiting for the lesson
			waitForEnd();
			assertThat(scan(lesson + " in teacher mode, ended", true)).as("%s ended", lesson).isEmpty();
		}));
	}

	@Test
	void aTeachersRoomInTeacherModeHasNoViolationAtAll() throws IOException {
		page.setViewportSize(1280, 720);
		open("/scenarios/deadlock?paused=true");
		page.click("#room-open");
		assertThat(page.locator("#room-panel svg.qr")).hasCount(1);
		page.keyboard().press("t");
		page.keyboard().press("r");
		page.waitForCondition(() -> page.locator("main.scenario").getAttribute("data-gate") != null,
				new Page.WaitForConditionOptions().setTimeout(30_000));
		assertThat(scan("a room's panel over the timeline in teacher mode, paused", true)).isEmpty();
		page.keyboard().press("c");
		assertThat(page.locator("#room-panel")).isHidden();
		assertThat(scan("a room's bar in teacher mode, its panel hidden", true)).isEmpty();
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("a11y-teacher-room-hidden")));
		page.click("#cancel");
		waitForEnd();
		page.keyboard().press("c");
		page.click("#room-close");
		assertThat(page.locator("#room-panel")).isHidden();
	}

	@Test
	void theListingsScrollFromTheKeyboardAndTheFaviconIsThere() throws IOException, InterruptedException {
		open("/scenarios/thread-target");
		page.locator("#java-listing").focus();
		double before = ((Number) page.locator("#java-listing").evaluate("e => e.scrollTop")).doubleValue();
		page.keyboard().press("PageDown");
		page.waitForCondition(() -> ((Number) page.locator("#java-listing").evaluate("e => e.scrollTop")).doubleValue() > before);
		HttpResponse<byte[]> icon = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico")).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.body()).startsWith(0, 0, 1, 0);
	}

}
