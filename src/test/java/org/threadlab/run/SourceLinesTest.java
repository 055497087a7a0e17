package org.threadlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;
import org.threadlab.scenario.lines.LineCases;
import org.threadlab.scenario.threads.ThreadTargetScenario;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/**
 * Every event points at the line of scenario code that made it, found without walking the stack: the
 * build rewrote scenario code, and what the rewritten code keeps is what a stack walk would find.
 */
class SourceLinesTest {

	@AfterEach
	void nothingIsLeftRunning() throws InterruptedException {
		SourceLines.crossCheck(false);
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
	}

	@Test
	void theBuildRewroteEveryClassOfScenarioCode() {
		ScenarioClassFiles.Survey survey = SourceLines.survey();
		assertThat(survey.unreadable()).isNull();
		assertThat(survey.unstamped()).as("classes of scenario code that ./mvnw did not rewrite").isEmpty();
		assertThat(survey.classes()).as("classes of scenario code, main and test").isGreaterThan(20);
		assertThat(SourceLines.instrumented()).isTrue();
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES) // every variant of every lesson, each event checked by a stack walk: 13 s idle, 23 s on a busy machine
	void everyEventOfEveryLessonHasTheLineAStackWalkFinds() throws Exception {
		SourceLines.mismatches();
		SourceLines.crossCheck(true);
		int withLine = 0;
		for (Scenario scenario : new ScenarioCatalog().all()) {
			List<Map<String, Object>> variants = new ArrayList<>();
			variants.add(Map.of());
			variants.addAll(scenario.variants().values());
			for (Map<String, Object> variant : variants) {
				Runs runs = Runs.of(scenario).speed(100).gil(Gil.Mode.BACK_EDGES_AND_CALLS, 0.005);
				Trace trace = runs.run(variant);
				withLine += (int) trace.events().stream().filter(e -> e.line() > 0).count();
				assertThat(SourceLines.mismatches()).as("%s %s", scenario.id(), variant).isEmpty();
			}
		}
		assertThat(withLine).as("events that point at a line").isGreaterThan(500);
	}

	@Test
	void callsNestedLambdasConstructorsCallbacksAndExceptionsGetTheirOwnLine() throws Exception {
		SourceLines.mismatches();
		SourceLines.crossCheck(true);
		Trace trace = Runs.completing(LineCases::main);
		assertThat(SourceLines.mismatches()).isEmpty();

		Map<String, Integer> line = taggedLines(Path.of("src/test/java/org/threadlab/scenario/lines/LineCases.java"));
		assertThat(trace.first("main", EventKind.CREATE).line()).isEqualTo(line.get("created"));
		assertThat(trace.first("main", EventKind.READ).line()).as("the inner call").isEqualTo(line.get("nested"));
		assertThat(print(trace, "nested 1").line()).as("the outer call, same line").isEqualTo(line.get("nested"));
		assertThat(print(trace, "each a").line()).as("a lambda the JDK calls").isEqualTo(line.get("each"));
		assertThat(trace.first("worker", EventKind.START).line()).as("recorded by main for the worker")
			.isEqualTo(line.get("start"));
		assertThat(trace.first("worker", EventKind.WRITE).line()).isEqualTo(line.get("work"));
		assertThat(trace.first("worker", EventKind.EXIT).line()).as("no scenario code left on the stack").isZero();
		assertThat(print(trace, "about to fail").line()).isEqualTo(line.get("about-to-fail"));
		assertThat(trace.first("failing", EventKind.EXIT).line()).as("after scenario code threw").isZero();
		assertThat(print(trace, "hello").line()).as("in a constructor").isEqualTo(line.get("greet"));
		assertThat(print(trace, "refusing").line()).as("before a this() call").isEqualTo(line.get("refusing"));
		assertThat(print(trace, "refused").line()).isEqualTo(line.get("refused"));
		assertThat(print(trace, "up 1").line()).as("after a recursive call returned").isEqualTo(line.get("up"));
		assertThat(print(trace, "exception calling callback for future-1: RuntimeError: a callback that raises")
			.line()).as("a probe's own step after a callback threw").isEqualTo(line.get("cancel"));
		List<Event> workerSteps = trace.events()
			.stream()
			.filter(e -> e.kind() == EventKind.DONE)
			.toList();
		assertThat(workerSteps).isNotEmpty().allSatisfy(e -> assertThat(e.line()).as("a worker's own step").isZero());
	}

	@Test
	void aChildJvmPointsAtTheLinesOfTheListingToo() throws Exception {
		Trace trace = Runs.of(new ThreadTargetScenario()).speed(100).run(Map.of("daemon", true, "join", true));
		List<String> listing = listing("org/threadlab/scenario/threads/ThreadTargetScenario.java");
		int html = indexOf(listing, "static void getDetailHtml", 0);
		int url = indexOf(listing, "static void getDetailUrl", 0);
		assertThat(trace.first("Thread-1 (get_detail_html)", EventKind.SLEEP).line())
			.isEqualTo(indexOf(listing, "sleep(seconds);", html) + 1);
		assertThat(trace.first("Thread-2 (get_detail_url)", EventKind.SLEEP).line())
			.isEqualTo(indexOf(listing, "sleep(seconds);", url) + 1);
		assertThat(trace.first("main", EventKind.JOIN).line()).isEqualTo(indexOf(listing, "thread1.join();", 0) + 1);
	}

	private static List<String> listing(String path) throws IOException {
		try (var in = SourceLinesTest.class.getClassLoader().getResourceAsStream("listings/" + path)) {
			assertThat(in).as("listing %s", path).isNotNull();
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
		}
	}

	private static int indexOf(List<String> lines, String text, int from) {
		for (int i = from; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i;
			}
		}
		throw new AssertionError("no line with " + text);
	}

	private static Event print(Trace trace, String text) {
		return trace.events()
			.stream()
			.filter(e -> e.kind() == EventKind.PRINT && text.equals(e.value()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no print of " + text));
	}

	/** The lines of a source file marked {@code // line: <name>}. */
	private static Map<String, Integer> taggedLines(Path source) throws IOException {
		Pattern tag = Pattern.compile("// line: ([\\w-]+)");
		Map<String, Integer> lines = new LinkedHashMap<>();
		List<String> text = Files.readAllLines(source);
		for (int i = 0; i < text.size(); i++) {
			Matcher m = tag.matcher(text.get(i));
			if (m.find()) {
				lines.put(m.group(1), i + 1);
			}
		}
		return lines;
	}

}
