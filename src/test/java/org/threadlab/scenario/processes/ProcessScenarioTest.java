package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.EXIT;
import static org.threadlab.event.EventKind.JOINED;
import static org.threadlab.event.EventKind.PRINT;
import static org.threadlab.event.EventKind.START;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.run.Outcome;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §6.4: no pid before start, the child's real pid after; the child prints in its own lane; join waits. */
class ProcessScenarioTest {

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).isEmpty();
	}

	@Test
	void pidIsNoneBeforeStartAndARealPidAfterByTargetAndBySubclass() throws Exception {
		for (boolean subclass : new boolean[] { false, true }) {
			Runs runs = Runs.of(new ProcessScenario()).speed(10);
			Trace trace = runs.run(Map.of("subclass", subclass, "sleepSeconds", 1));
			assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
			List<String> printed = trace.printsOf("main");
			assertThat(printed.get(0)).as("pid before start").isEqualTo("None");
			long pid = Long.parseLong(printed.get(1));
			assertThat(pid).as("a real process of its own").isPositive().isNotEqualTo(ProcessHandle.current().pid());
			assertThat(printed.get(2)).isEqualTo("main progress end");

			String name = subclass ? "GetHtmlProcess-1" : "Process-1"; // as CPython names them
			ActorInfo child = trace.actor(name);
			assertThat(child.type()).isEqualTo(ActorInfo.Type.PROCESS);
			assertThat(trace.first(name, START).value()).isEqualTo(pid);
			assertThat(trace.printsOf(name)).as("the child prints in its own lane").containsExactly("sub_progress success");
			Event joined = trace.first("main", JOINED);
			assertThat(joined.value()).isEqualTo("exit code 0");
			assertThat(joined.cause()).as("join returns because the child ended").isEqualTo(trace.first(name, EXIT).seq());
			Event end = trace.first("main", PRINT, e -> "main progress end".equals(e.value()));
			assertThat(end.seq()).isGreaterThan(trace.first(name, PRINT).seq());
		}
	}

}
