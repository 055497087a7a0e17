package org.threadlab.cpython;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.EventKind;

/** The runner's trace lines read into typed records, without a python: what each field becomes. */
class TraceLinesTest {

	@Test
	void anEventLineBecomesAnEventWithItsCauseAndDepth() {
		TraceLine line = TraceLines.parse("\u001ev\t4.005719\tThread-2 (get_detail_html)\t"
				+ "{\"id\":\"26744.42\",\"p\":26744,\"k\":\"GOT\",\"l\":8,\"o\":\"detail_url_queue\","
				+ "\"v\":\"'https://example.com/0'\",\"c\":\"26744.40\",\"d\":0}").orElseThrow();
		assertThat(line).isEqualTo(new PythonEvent(4.005719, "Thread-2 (get_detail_html)", "26744.42", 26744, EventKind.GOT,
				"detail_url_queue", "'https://example.com/0'", 8, "26744.40", 0));
	}

	@Test
	void whatAnEventLeavesOutIsNull() {
		PythonEvent event = (PythonEvent) TraceLines.parse("\u001ev\t0.5\tMainThread\t{\"id\":\"7.3\",\"p\":7,\"k\":\"WAKE\",\"l\":12}")
			.orElseThrow();
		assertThat(event.object()).isNull();
		assertThat(event.value()).isNull();
		assertThat(event.cause()).isNull();
		assertThat(event.depth()).isNull();
		assertThat(event.line()).isEqualTo(12);
	}

	@Test
	void valuesKeepTheirJsonTypes() {
		assertThat(value("1")).isEqualTo(1L);
		assertThat(value("0.1")).isEqualTo(0.1);
		assertThat(value("true")).isEqualTo(true);
		assertThat(value("\"not acquired\"")).isEqualTo("not acquired");
		assertThat(value("{\"type\":\"process\",\"pid\":42,\"daemon\":false}"))
			.isEqualTo(Map.of("type", "process", "pid", 42, "daemon", false));
	}

	@Test
	void aProcessEndsWithAnExitWhoseIdItsParentsJoinedNames() {
		PythonEvent exit = (PythonEvent) TraceLines.parse("\u001ev\t2.04\tProcess-1/MainThread\t"
				+ "{\"id\":\"26995.exit\",\"p\":26995,\"k\":\"EXIT\",\"l\":0,\"v\":\"exit code 0\"}").orElseThrow();
		PythonEvent joined = (PythonEvent) TraceLines.parse("\u001ev\t2.05\tMainThread\t"
				+ "{\"id\":\"26887.9\",\"p\":26887,\"k\":\"JOINED\",\"l\":21,\"o\":\"Process-1\",\"v\":\"exit code 0\",\"c\":\"26995.exit\"}")
			.orElseThrow();
		assertThat(joined.cause()).isEqualTo(exit.id());
		assertThat(exit.actor()).isEqualTo("Process-1/MainThread");
	}

	@Test
	void aCutLineSaysHowManyEventsTheProcessWrote() {
		assertThat(TraceLines.parse("\u001ec\t3.25\tMainThread\t20000")).contains(new TraceCut(3.25, "MainThread", 20000));
	}

	@Test
	void otherLinesAndBrokenOnesAreNotTraceLines() {
		assertThat(TraceLines.parse("\u001eo\t0.1\tMainThread\thello")).isEmpty();
		assertThat(TraceLines.parse("\u001ex\t0.1\t\texit")).isEmpty();
		assertThat(TraceLines.parse("plain output")).isEmpty();
		assertThat(TraceLines.parse("\u001ev\t0.1\tMainThread\t{\"id\":\"1.1\",\"p\":1,\"k\":\"GO")).isEmpty();
		assertThat(TraceLines.parse("\u001ev\tsoon\tMainThread\t{}")).isEmpty();
		assertThat(TraceLines.parse("\u001ev\t0.1\tMainThread\t{\"id\":\"1.1\",\"p\":1,\"k\":\"TELEPORT\",\"l\":0}")).isEmpty();
		assertThat(TraceLines.isTrace("\u001ev\t0.1\tMainThread\t{}")).isTrue();
		assertThat(TraceLines.isTrace("\u001eo\t0.1\tMainThread\tv")).isFalse();
	}

	private static Object value(String json) {
		return ((PythonEvent) TraceLines.parse("\u001ev\t0\tMainThread\t{\"id\":\"1.1\",\"p\":1,\"k\":\"PUT_DONE\",\"l\":0,\"v\":" + json + "}")
			.orElseThrow()).value();
	}

}
