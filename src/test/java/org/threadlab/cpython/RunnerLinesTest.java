package org.threadlab.cpython;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The runner's stamped lines are read into what they say, with no python3 needed. */
class RunnerLinesTest {

	private static String stamped(String tag, String t, String thread, String text) {
		return RunnerLines.STAMP + tag + "\t" + t + "\t" + thread + "\t" + text;
	}

	@Test
	void aPrintedLineHasItsLessonTimeItsThreadAndItsStream() {
		assertThat(RunnerLines.parse(stamped("o", "2.000153", "worker", "worker done")))
			.isEqualTo(new RunnerLines.Printed(2.000153, "out", "worker", "worker done"));
		assertThat(RunnerLines.parse(stamped("e", "0.5", "MainThread", "ValueError: page 2 failed")))
			.isEqualTo(new RunnerLines.Printed(0.5, "err", "MainThread", "ValueError: page 2 failed"));
	}

	@Test
	void theTextKeepsItsTabsAndAProcessQualifiesItsThread() {
		assertThat(RunnerLines.parse(stamped("o", "1", "Process-1/MainThread", "a\tb\t\tc")))
			.isEqualTo(new RunnerLines.Printed(1, "out", "Process-1/MainThread", "a\tb\t\tc"));
		assertThat(RunnerLines.parse(stamped("o", "1", "", ""))).isEqualTo(new RunnerLines.Printed(1, "out", "", ""));
	}

	@Test
	void aHangSaysWhereEachThreadWaitsThenHowTheProgramEnded() {
		assertThat(RunnerLines.parse(stamped("h", "3.2", "T", "13"))).isEqualTo(new RunnerLines.Waiting(3.2, "T", 13));
		assertThat(RunnerLines.parse(stamped("h", "3.2", "MainThread", "0"))).isEqualTo(new RunnerLines.Waiting(3.2, "MainThread", 0));
		assertThat(RunnerLines.parse(stamped("h", "3.2", "T", "?"))).as("a line that is no number: outside the listing")
			.isEqualTo(new RunnerLines.Waiting(3.2, "T", 0));
		assertThat(RunnerLines.parse(stamped("x", "3.25", "", "hang"))).isEqualTo(new RunnerLines.Exited(3.25, "hang"));
		assertThat(RunnerLines.parse(stamped("x", "4.0", "", "exit"))).isEqualTo(new RunnerLines.Exited(4.0, "exit"));
	}

	@Test
	void aLineWithoutAWellFormedStampIsReadAsItCame() {
		for (String raw : List.of("", "plain print", "\tx", RunnerLines.STAMP + "o\t1.0\tMainThread",
				stamped("o", "soon", "MainThread", "x"), RunnerLines.STAMP + "")) {
			assertThat(RunnerLines.parse(raw)).as("'%s'", raw).isEqualTo(new RunnerLines.Unstamped(raw));
		}
	}

	@Test
	void aTagTheParserDoesNotKnowIsAPrintedLine() {
		assertThat(RunnerLines.parse(stamped("q", "1.5", "MainThread", "something new")))
			.isEqualTo(new RunnerLines.Printed(1.5, "out", "MainThread", "something new"));
	}

	@Test
	void everyTagTheRunnerWritesIsOneTheParserKnows() throws IOException {
		Set<String> written = new TreeSet<>();
		Pattern tag = Pattern.compile("(?:\\.line\\(|Stamped\\(sys\\.\\w+, )\"(\\w+)\"");
		for (String name : resource("files.txt").split("\n")) {
			if (name.isBlank()) {
				continue;
			}
			Matcher tags = tag.matcher(resource(name.trim()));
			while (tags.find()) {
				written.add(tags.group(1));
			}
		}
		assertThat(written).as("the tags the runner's files write").contains("o", "e", "h", "x", "v", "c");
		assertThat(RunnerLines.tags()).containsAll(written);
	}

	@Test
	void aTraceLineIsReadAsTheTraceSaysAndABrokenOneIsDropped() {
		assertThat(RunnerLines.parse(stamped("c", "3.25", "MainThread", "20000")))
			.isEqualTo(new RunnerLines.Traced(new TraceCut(3.25, "MainThread", 20000)));
		assertThat(RunnerLines.parse(stamped("v", "0.5", "MainThread", "{\"id\":\"7.3\",\"p\":7,\"k\":\"WAKE\",\"l\":12}")))
			.isInstanceOfSatisfying(RunnerLines.Traced.class, traced -> assertThat(traced.t()).isEqualTo(0.5));
		assertThat(RunnerLines.parse(stamped("v", "0.5", "MainThread", "{\"id\":\"7.3\",\"p\":7,\"k\":\"WA")))
			.as("cut short: not shown as printed").isEqualTo(new RunnerLines.Garbled(0.5, "v"));
		assertThat(RunnerLines.parse(stamped("c", "1", "MainThread", "many"))).isEqualTo(new RunnerLines.Garbled(1, "c"));
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = RunnerLines.class.getClassLoader().getResourceAsStream("cpython/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void linesAreReadWithoutTheirEndsAndTheLastOneWithoutAnEnd() throws IOException {
		assertThat(lines("one\ntwo\r\n\nlast")).containsExactly("one", "two", "", "last");
		assertThat(lines("one\n")).containsExactly("one");
		assertThat(lines("")).isEmpty();
	}

	@Test
	void aLongLineIsCutAndMarked() throws IOException {
		String longLine = "x".repeat(RunnerLines.MAX_LINE + 100);
		List<String> read = lines(longLine + "\nnext");
		assertThat(read).hasSize(2);
		assertThat(read.get(0)).hasSize(RunnerLines.MAX_LINE + 1).endsWith("x…");
		assertThat(read.get(1)).isEqualTo("next");
	}

	private static List<String> lines(String text) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		StringReader in = new StringReader(text);
		while (RunnerLines.readLine(in, line)) {
			lines.add(line.toString());
		}
		return lines;
	}

}
