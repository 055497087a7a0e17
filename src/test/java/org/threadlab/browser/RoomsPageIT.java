package org.threadlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.threadlab.rooms.RoomRefused;
import org.threadlab.rooms.Rooms;
import org.threadlab.testing.Chromium;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A class in one room, in real browsers: a teacher's page and three students' (one late, one in
 * Chinese). The students see the teacher's run, its pause and steps live; one zooms back while it goes
 * on and Follow live brings it back; the teacher sends the class to a challenge and a student's win
 * appears in the roster; a finished run is saved and its link opens it in replay, in the other language.
 * Screenshots of the teacher's roster and a student's page in target/screenshots (the README's picture
 * of a room, docs/room.png, is room-teacher-1280x720.png copied from there).
 */
class RoomsPageIT extends BrowserTest {

	private static final String MAIN = "main.scenario";

	/** A held thread that a step would let go: held buttons keep their places, a thread waiting for the GIL is one, disabled. */
	private static final String STEPPABLE = "#held button.held-thread:not([disabled])";

	@Autowired
	private Rooms rooms;

	/** The rooms this test opened: closed after it, so that a failure leaves no paused run to the next test. */
	private final List<String> opened = new ArrayList<>();

	@AfterEach
	void closeTheRoomsOpened() {
		for (String code : opened) {
			try {
				rooms.close(rooms.find(code, "127.0.0.1"), "the test is over");
			}
			catch (RoomRefused closedAlready) {
				// ended by the test itself
			}
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static int number(Page tab, String attribute) {
		String value = tab.locator(MAIN).getAttribute(attribute);
		return value == null ? 0 : Integer.parseInt(value);
	}

	private static void join(Page student, String code, String name) {
		student.fill("#room-code-input", code);
		if (name != null) {
			student.fill("#room-name-input", name);
		}
		student.click("#room-join");
	}

	@Test
	void aClassFollowsItsTeacherAndTheTeacherSeesTheClass() throws Exception {
		Page teacher = page;
		teacher.setViewportSize(1280, 720);
		// a race long enough to pause in the middle: its threads compute, so a pause holds them at once
		teacher.navigate(url("/scenarios/gil-race?n=5000000"));
		teacher.click("#room-open");
		assertThat(teacher.locator("#room-code")).hasText(Pattern.compile("[2-79FHKMQRWXY]{3}-[2-79FHKMQRWXY]{3}"));
		String code = teacher.locator("#room-code").textContent();
		opened.add(code);
		assertThat(teacher.locator("#room-panel svg.qr")).hasCount(1);
		String link = teacher.locator("#room-link").textContent();
		assertThat(link).endsWith("/join/" + code.replace("-", "")).doesNotContain("secret");

		Page ada = otherBrowser("en-US", 1280, 800);
		ada.navigate(link);
		assertThat(ada.locator("#room-code-input")).hasValue(code);
		join(ada, code, null);
		Page lin = otherBrowser("zh-CN", 1280, 800);
		lin.navigate(url("/?lang=zh"));
		join(lin, code.toLowerCase(), "林 <b>Lin</b>");
		assertThat(ada.locator("#room-home-status")).containsText(code);
		assertThat(teacher.locator("#room-panel")).hasAttribute("data-here", "2", LONG_ATTR);
		assertThat(teacher.locator("#room-roster")).containsText("林 <b>Lin</b>");
		assertThat(teacher.locator("#room-roster b")).hasCount(0);

		// the teacher sends the class to the lesson, then runs it: the class sees it live
		teacher.click("#room-send");
		for (Page student : List.of(ada, lin)) {
			student.waitForURL(Pattern.compile(".*/scenarios/gil-race.*"));
			assertThat(student.locator("#room-status")).isVisible();
		}
		assertThat(lin.locator("html")).hasAttribute("lang", "zh");
		assertThat(lin.locator("input[name=n]")).hasValue("5000000");
		teacher.waitForCondition(() -> teacher.locator("#room-roster td").allTextContents().stream()
			.filter("gil-race"::equals).count() == 2, new Page.WaitForConditionOptions().setTimeout(30_000));
		teacher.click("#run");
		for (Page student : List.of(ada, lin)) {
			assertThat(student.locator(MAIN)).hasAttribute("data-watching", "true", LONG_ATTR);
			student.waitForCondition(() -> number(student, "data-events") > 3);
			assertThat(student.locator("#pause")).isDisabled();
		}
		// pause and step, seen by the class
		teacher.click("#pause");
		for (Page student : List.of(ada, lin)) {
			assertThat(student.locator(MAIN)).hasAttribute("data-paused", "true", LONG_ATTR);
		}
		teacher.waitForCondition(() -> teacher.locator(STEPPABLE).count() > 0);
		int linGate = number(lin, "data-gate");
		teacher.locator(STEPPABLE).first().click();
		lin.waitForCondition(() -> number(lin, "data-gate") > linGate);
		assertThat(lin.locator("#held button.held-thread").first()).isVisible();

		// a late student gets the run so far
		Page late = otherBrowser("en-US", 1280, 800);
		late.navigate(url("/join/" + code.replace("-", "")));
		join(late, code, "Late");
		late.waitForURL(Pattern.compile(".*/scenarios/gil-race.*"));
		late.waitForCondition(() -> number(late, "data-events") >= number(teacher, "data-events"));
		assertThat(late.locator(MAIN)).hasAttribute("data-paused", "true", LONG_ATTR);

		// the teacher's tab reloads (its socket drops): it takes the room back, with its run and its class
		int taught = number(teacher, "data-events");
		teacher.reload();
		assertThat(teacher.locator("#room-code")).hasText(code);
		teacher.waitForCondition(() -> number(teacher, "data-events") >= taught);
		assertThat(teacher.locator(MAIN)).hasAttribute("data-paused", "true", LONG_ATTR);
		assertThat(teacher.locator("#room-panel")).hasAttribute("data-here", "3", LONG_ATTR);

		// a student zooms back while it goes on; Follow live brings the view back
		ada.locator("#timeline svg.timeline-chart").hover();
		ada.mouse().wheel(0, -600);
		assertThat(ada.locator("#follow-live")).hasAttribute("aria-pressed", "false", LONG_ATTR);
		int adaGate = number(ada, "data-gate");
		for (int i = 0; i < 3; i++) {
			int gate = number(teacher, "data-gate");
			teacher.waitForCondition(() -> teacher.locator(STEPPABLE).count() > 0);
			teacher.locator(STEPPABLE).first().click();
			teacher.waitForCondition(() -> number(teacher, "data-gate") > gate);
		}
		ada.waitForCondition(() -> number(ada, "data-gate") > adaGate); // the run goes on in the student's page
		assertThat(ada.locator("#follow-live")).hasAttribute("aria-pressed", "false");
		ada.click("#follow-live");
		assertThat(ada.locator("#follow-live")).hasAttribute("aria-pressed", "true");
		teacher.click("#pause"); // resume

		assertThat(teacher.locator(MAIN)).hasAttribute("data-state", "ended", LONG_ATTR);
		for (Page student : List.of(ada, lin, late)) {
			assertThat(student.locator(MAIN)).hasAttribute("data-state", "ended", LONG_ATTR);
			assertThat(student.locator(MAIN)).hasAttribute("data-events", teacher.locator(MAIN).getAttribute("data-events"));
		}
		lin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("room-student-zh")));

		// the teacher saves the run: its link opens it in replay, in the other language
		teacher.click("#save-run");
		assertThat(teacher.locator("#saved-link")).hasText(Pattern.compile(".*/r/[A-Za-z0-9_-]{22}"));
		String saved = teacher.locator("#saved-link").textContent();
		assertThat(teacher.locator("#room-saved li a")).hasCount(1); // the room lists it at once
		lin.navigate(saved + "?lang=zh");
		assertThat(lin.locator(MAIN)).hasAttribute("data-state", "ended", LONG_ATTR);
		assertThat(lin.locator(MAIN)).hasAttribute("data-events", teacher.locator(MAIN).getAttribute("data-events"));

		// the teacher sends the class to a challenge: a student's win appears in the roster
		ada.waitForURL(Pattern.compile(".*/scenarios/gil-race.*"));
		teacher.navigate(url("/scenarios/deadlock"));
		assertThat(teacher.locator("#room-code")).hasText(code);
		assertThat(teacher.locator("#room-saved li a")).hasCount(1);
		teacher.click("#room-challenge");
		ada.waitForURL(Pattern.compile(".*/scenarios/deadlock.*"));
		assertThat(ada.locator(MAIN)).hasAttribute("data-challenge", Pattern.compile("playing|won|too-fast"), LONG_ATTR);
		for (int attempt = 0; attempt < 4 && !"won".equals(ada.locator(MAIN).getAttribute("data-challenge")); attempt++) {
			if (attempt > 0 || !challengeStarted(ada)) {
				ada.click("#challenge");
				if (!challengeStarted(ada)) {
					continue;
				}
			}
			playDeadlock(ada);
		}
		assertThat(ada.locator(MAIN)).hasAttribute("data-challenge", "won");
		assertThat(teacher.locator("#room-panel")).hasAttribute("data-won", "1", LONG_ATTR);
		assertThat(teacher.locator("#room-roster td.won")).containsText("deadlock");
		teacher.keyboard().press("t"); // teacher mode, for the projector: the panel over the timeline's side
		teacher.keyboard().press("r"); // and the lesson's run, the class's to watch
		assertThat(teacher.locator(MAIN)).hasAttribute("data-state", "ended", LONG_ATTR);
		teacher.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))");
		teacher.locator("#room-panel").screenshot(new Locator.ScreenshotOptions().setPath(Chromium.screenshot("room-roster")));
		teacher.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("room-teacher-1280x720")));
		assertThat(FirstScreen.problems(teacher)).as("teacher mode with the room's panel shown").isEmpty();
		assertThat(teacher.locator("#room-glance")).containsText(code);
		assertThat(teacher.locator("#room-glance")).containsText("1 won");
		// hidden by its toggle, the timeline whole; Space after it is the page's, never the toggle's
		teacher.click("#room-show");
		assertThat(teacher.locator("#room-panel")).isHidden();
		teacher.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("room-teacher-hidden-1280x720")));
		assertThat(FirstScreen.problems(teacher)).as("teacher mode with the room's panel hidden").isEmpty();
		teacher.keyboard().press("Space"); // plays the replay
		assertThat(teacher.locator("#room-show")).hasAttribute("aria-expanded", "false");
		assertThat(teacher.locator("#room-panel")).isHidden();
		teacher.keyboard().press("c");
		assertThat(teacher.locator("#room-panel")).isVisible();
		teacher.click("#room-close");
		assertThat(ada.locator("#room-status")).containsText("closed");
	}

	private static final com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions LONG_ATTR =
			new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000);

	/** Waits for the challenge's run to be held at the gate; false when it ended first (too fast). */
	private static boolean challengeStarted(Page tab) {
		tab.waitForCondition(() -> tab.locator(MAIN).getAttribute("data-gate") != null
				|| "ended".equals(tab.locator(MAIN).getAttribute("data-state")), new Page.WaitForConditionOptions().setTimeout(30_000));
		return tab.locator(MAIN).getAttribute("data-gate") != null && !"ended".equals(tab.locator(MAIN).getAttribute("data-state"));
	}

	@SuppressWarnings("unchecked")
	private static List<String> held(Page tab) {
		return (List<String>) tab.locator(STEPPABLE).evaluateAll("buttons => buttons.map(b => b.dataset.actor)");
	}

	/** Steps A and B in turns until the run ends, as a learner closes the cycle by hand. */
	private static void playDeadlock(Page tab) {
		String next = "A";
		for (int i = 0; i < 80 && !"ended".equals(tab.locator(MAIN).getAttribute("data-state")); i++) {
			List<String> held = held(tab);
			if (held.isEmpty()) {
				tab.waitForCondition(() -> !held(tab).isEmpty() || "ended".equals(tab.locator(MAIN).getAttribute("data-state")));
				continue;
			}
			String other = next.equals("A") ? "B" : "A";
			String who = held.contains(next) ? next
					: held.stream().filter(h -> !h.equals("A") && !h.equals("B")).findFirst().orElse(other);
			int before = number(tab, "data-gate");
			tab.locator("#held button.held-thread[data-actor='" + who + "']").click();
			tab.waitForCondition(() -> number(tab, "data-gate") > before || "ended".equals(tab.locator(MAIN).getAttribute("data-state")));
			if (who.equals(next)) {
				next = other;
			}
		}
		assertThat(tab.locator(MAIN)).hasAttribute("data-state", "ended", LONG_ATTR);
	}

}
