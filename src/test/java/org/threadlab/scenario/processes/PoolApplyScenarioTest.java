package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.scenario.processes.PoolTraces.nameOf;
import static org.threadlab.scenario.processes.PoolTraces.processes;


import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §6.5 on the recorded events: apply_async returns at once, the result is there after close and join. */
class PoolApplyScenarioTest {

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).as("no child process is left").isEmpty();
	}

	@Test
	void applyAsyncReturnsAtOnceAndTheResultIsThereAfterJoin() throws Exception {
		Runs runs = Runs.of(new PoolApplyScenario()).speed(10);
		Trace trace = runs.run(Map.of("seconds", 1));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main")).containsExactly("ready: False", "ready: True successful: True", "1");

		List<ActorInfo> workers = processes(trace, "SpawnPoolWorker-");
		assertThat(workers).hasSize(2).allMatch(w -> w.type() == ActorInfo.Type.PROCESS);
		// the task is drawn in the worker process that ran it, a real process of its own
		Event printed = trace.events().stream()
			.filter(e -> e.kind() == EventKind.PRINT && "sub_progress success".equals(e.value()))
			.findFirst().orElseThrow();
		String ranIt = nameOf(trace, printed.actor());
		assertThat(ranIt).startsWith("SpawnPoolWorker-");
		assertThat((Long) trace.first(ranIt, EventKind.START).value()).isNotEqualTo(ProcessHandle.current().pid());
		// main's join ends after the worker's print: close() let the queued task finish first
		Event closed = trace.first("main", EventKind.PUT, e -> "_change_notifier".equals(e.object()));
		Event joined = trace.first("main", EventKind.JOINED, e -> ranIt.equals(e.object()));
		assertThat(closed.seq()).isLessThan(joined.seq());
		assertThat(printed.seq()).isLessThan(joined.seq());
		assertThat(trace.first("main", EventKind.RESULT).cause())
			.isEqualTo(trace.first("Thread-3 (_handle_results)", EventKind.DONE).seq());
	}

	@Test
	void getWithATimeoutTooEarlyRaisesAndTheTaskGoesOn() throws Exception {
		Runs runs = Runs.of(new PoolApplyScenario()).speed(10);
		Trace trace = runs.run(Map.of("getTimeout", true, "seconds", 3));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.allPrints()).containsExactly("ready: False", "not ready after 1 s", "sub_progress success",
				"ready: True successful: True", "3");
	}

}
