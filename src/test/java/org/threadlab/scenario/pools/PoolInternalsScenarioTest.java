package org.threadlab.scenario.pools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §5.4 on the recorded events: workers start on demand, never more than max_workers. */
class PoolInternalsScenarioTest {

	private static List<ActorInfo> workers(Trace trace) {
		return trace.actors().values().stream().filter(a -> a.name().startsWith("ThreadPoolExecutor-")).toList();
	}

	@Test
	void workersStartOnDemandNeverMoreThanMaxWorkersAndNoneRemainsAfterShutdown() throws Exception {
		Runs runs = Runs.of(new PoolInternalsScenario()).speed(10);
		Trace trace = runs.run(Map.of("workers", 2, "tasks", 5));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(workers(trace)).extracting(ActorInfo::name)
			.containsExactly("ThreadPoolExecutor-" + workers(trace).get(0).name().split("[-_]")[1] + "_0",
					"ThreadPoolExecutor-" + workers(trace).get(0).name().split("[-_]")[1] + "_1");
		// a worker's SPAWN comes after a SUBMIT: started on demand
		Event firstSubmit = trace.events().stream().filter(e -> e.kind() == EventKind.SUBMIT).findFirst().orElseThrow();
		assertThat(trace.first(workers(trace).get(0).name(), EventKind.SPAWN).seq()).isGreaterThan(firstSubmit.seq());
		for (ActorInfo worker : workers(trace)) {
			assertThat(trace.first(worker.name(), EventKind.EXIT).value()).as("it stopped when told").isNull();
		}
		assertThat(trace.printsOf("main")).contains("workers started: 2 of at most 2");
		// after shutdown(wait=True) no worker remains: each ended before main went on past the with block
		Event firstReport = trace.first("main", EventKind.PRINT, e -> ((String) e.value()).startsWith("future-0"));
		for (ActorInfo worker : workers(trace)) {
			assertThat(trace.first(worker.name(), EventKind.EXIT).seq()).isLessThan(firstReport.seq());
		}
		assertThat(trace.printsOf("main").stream().filter(p -> p.contains("FINISHED"))).hasSize(5);
	}

	@Test
	void fromCPython38AnIdleWorkerTakesTheNextTaskInsteadOfANewOne() throws Exception {
		// each task is done before the next is submitted: one worker does them all, as in CPython 3.8+
		Runs reusing = Runs.of(new PoolInternalsScenario()).speed(10);
		Trace trace = reusing.run(Map.of("reuseIdle", true, "workers", 5, "tasks", 4, "submitEvery", 5));
		assertThat(reusing.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(workers(trace)).hasSize(1);
		assertThat(trace.printsOf("main")).contains("workers started: 1 of at most 5");
		// the tutorial's older source starts a worker per submit, up to max_workers
		Runs older = Runs.of(new PoolInternalsScenario()).speed(10);
		trace = older.run(Map.of("reuseIdle", false, "workers", 5, "tasks", 4, "submitEvery", 5));
		assertThat(workers(trace)).hasSize(4);
	}

}
