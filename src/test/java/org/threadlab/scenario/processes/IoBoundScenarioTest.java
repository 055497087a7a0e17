package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.scenario.processes.PoolTraces.elapsed;
import static org.threadlab.scenario.processes.PoolTraces.mostAtOnce;
import static org.threadlab.scenario.processes.PoolTraces.spans;


import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.EventKind;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.scenario.Params;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §6.2 on the recorded events: sleeps take the same rounds on threads and on processes; a cancelled run leaves no child. */
class IoBoundScenarioTest {

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).as("no child process is left").isEmpty();
	}

	@Test
	void sleepsTakeTheSameRoundsOnThreadsAndOnProcessesNeverMoreAtOnceThanWorkers() throws Exception {
		Runs runs = Runs.of(new IoBoundScenario()).speed(2);
		Trace trace = runs.run(Map.of("tasks", 9, "seconds", 0.4, "workers", 3));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main").stream().filter(p -> p.equals("exe result: 0.4"))).hasSize(18);
		Map<String, Double> seconds = elapsed(trace);
		// 9 sleeps of 0.4 s on 3 workers: 3 rounds, 1.2 s of lesson time at least, at any speed, either way
		assertThat(seconds.get("threads")).isGreaterThanOrEqualTo(1.2);
		assertThat(seconds.get("processes")).isGreaterThanOrEqualTo(1.2);
		List<long[]> threadSleeps = spans(trace, "ThreadPoolExecutor-", e -> e.kind() == EventKind.SLEEP,
				e -> e.kind() == EventKind.WAKE);
		List<long[]> processTasks = spans(trace, "SpawnProcess-",
				e -> e.kind() == EventKind.GOT && "_call_queue".equals(e.object()) && !"None".equals(e.value()),
				e -> e.kind() == EventKind.PUT && "_result_queue".equals(e.object()));
		assertThat(threadSleeps).hasSize(9);
		assertThat(mostAtOnce(threadSleeps)).as("threads asleep at once").isEqualTo(3);
		assertThat(processTasks).as("each task taken by a worker process and sent back").hasSize(9);
		assertThat(mostAtOnce(processTasks)).as("tasks at once in the worker processes").isBetween(1, 3);
	}

	@Test
	void aCancelledRunLeavesNoChildProcess() throws Exception {
		var scenario = new IoBoundScenario();
		Params params = Params.parse(scenario.parameters(), Map.of("tasks", 6, "seconds", 2, "workers", 3));
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 100_000);
		run.useGil(0.005, Gil.Mode.BACK_EDGES_AND_CALLS);
		run.start("main", () -> scenario.run(params));
		Eventually.within(Duration.ofSeconds(60)).every(Duration.ofMillis(20))
			.until("a worker process to get to its sleep", () -> workerSleeps(run));
		run.cancel();
		Outcome outcome = run.outcome().get(30, TimeUnit.SECONDS);
		assertThat(outcome.status()).isEqualTo(Outcome.Status.CANCELLED);
		assertThat(run.awaitTermination(Duration.ofSeconds(10))).isTrue();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).as("no child process outlives its run").isEmpty();
	}

	private static boolean workerSleeps(Run run) {
		Trace trace = Trace.of(run.recorder());
		return trace.actors().values().stream().filter(a -> a.name().startsWith("SpawnProcess-"))
			.anyMatch(a -> trace.of(a.name()).stream().anyMatch(e -> e.kind() == EventKind.SLEEP));
	}

}
