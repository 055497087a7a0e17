package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.scenario.processes.PoolTraces.elapsed;
import static org.threadlab.scenario.processes.PoolTraces.gilHolds;
import static org.threadlab.scenario.processes.PoolTraces.mostAtOnce;
import static org.threadlab.scenario.processes.PoolTraces.spans;


import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.EventKind;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §6.1 on the recorded events: under the GIL the pool's threads take turns, its processes compute at once. */
class CpuBoundScenarioTest {

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).as("no child process is left").isEmpty();
	}

	@Test
	void underTheGilThePoolsThreadsTakeTurnsWhileItsProcessesComputeAtTheSameTime() throws Exception {
		Runs runs = Runs.of(new CpuBoundScenario()).speed(10).gil(Gil.Mode.BACK_EDGES_AND_CALLS, 0.005);
		// four calls of about a second in all on two workers: one has work left when the other starts, however late
		Trace trace = runs.run(Map.of("start", 34, "stop", 38, "workers", 2));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		List<String> results = trace.printsOf("main").stream().filter(p -> p.startsWith("exe result: ")).toList();
		assertThat(results).hasSize(8).containsOnly("exe result: 5702887", "exe result: 9227465", "exe result: 14930352",
				"exe result: 24157817");
		assertThat(elapsed(trace)).containsOnlyKeys("serial", "threads", "processes");

		// the threads hand the GIL to each other while they compute, and never hold it at once
		List<long[]> turns = gilHolds(trace, "ThreadPoolExecutor-");
		assertThat(mostAtOnce(turns)).as("threads holding the GIL at once").isEqualTo(1);
		assertThat(turns.size()).as("turns of the threads at the GIL").isGreaterThan(10);
		// each process has its own GIL: both worker processes computed at the same time
		List<long[]> computing = spans(trace, "SpawnProcess-",
				e -> e.kind() == EventKind.GOT && "_call_queue".equals(e.object()) && !"None".equals(e.value()),
				e -> e.kind() == EventKind.PUT && "_result_queue".equals(e.object()));
		assertThat(computing).hasSize(4);
		assertThat(mostAtOnce(computing)).as("processes computing at once").isEqualTo(2);
	}

	@Test
	void withoutTheGilThePoolsThreadsComputeAtTheSameTimeToo() throws Exception {
		Runs runs = Runs.of(new CpuBoundScenario()).speed(10);
		Trace trace = runs.run(Map.of("start", 30, "stop", 34, "workers", 2));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.events().stream().filter(e -> e.kind() == EventKind.GIL_TAKEN)).as("no GIL").isEmpty();
		List<long[]> computing = spans(trace, "ThreadPoolExecutor-", e -> e.kind() == EventKind.RUNNING,
				e -> e.kind() == EventKind.DONE);
		assertThat(computing).hasSize(4);
		assertThat(mostAtOnce(computing)).as("threads computing at once").isEqualTo(2);
	}

}
