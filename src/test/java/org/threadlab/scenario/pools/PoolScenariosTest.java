package org.threadlab.scenario.pools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.testing.Rendezvous;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Step;
import org.threadlab.testing.Trace;

/** §5's lessons on the recorded events: the orders, cancel, the workers, wait, the exception. */
class PoolScenariosTest {

	private static List<String> pagesPrinted(Trace trace) {
		return trace.printsOf("main").stream().filter(p -> p.startsWith("get ") && p.endsWith(" page")).toList();
	}

	private static List<ActorInfo> workers(Trace trace) {
		return trace.actors().values().stream().filter(a -> a.name().startsWith("ThreadPoolExecutor-")).toList();
	}

	@Test
	void asCompletedGivesTheResultsInTheOrderTheyFinish() throws Exception {
		Runs runs = Runs.of(new AsCompletedScenario()).speed(10);
		Trace trace = runs.run(Map.of());
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(pagesPrinted(trace)).containsExactly("get 2 page", "get 3 page", "get 4 page");
	}

	@Test
	void mapGivesTheResultsInTheOrderSubmitted() throws Exception {
		Runs runs = Runs.of(new ExecutorMapScenario()).speed(10);
		Trace trace = runs.run(Map.of());
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(pagesPrinted(trace)).containsExactly("get 3 page", "get 2 page", "get 4 page");
	}

	/** Main looks at its futures once both workers are running their tasks: forced, not hoped for. */
	private static Rendezvous bothWorkersBusy() {
		return new Rendezvous(Step.byAnyMatching("ThreadPoolExecutor-\\d+_0", EventKind.SLEEP),
				Step.byAnyMatching("ThreadPoolExecutor-\\d+_1", EventKind.SLEEP), Step.byAnyMatching("main", EventKind.PRINT));
	}

	@Test
	void cancelFailsOnARunningTaskAndSucceedsOnAQueuedOne() throws Exception {
		Runs runs = Runs.of(new FutureBasicsScenario()).speed(10).gate(bothWorkersBusy());
		Trace trace = runs.run(Map.of("thirdTask", true));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main")).containsExactly("task1 done: False", "task2 cancelled: False",
				"task3 cancelled: True", "task1 done: True", "task1 result: 3", "task2 result: 2");
		assertThat(trace.allPrints()).doesNotContain("get page 4 success");
		assertThat(trace.events().stream().filter(e -> e.kind() == EventKind.RUNNING).map(Event::object))
			.as("the cancelled future never ran").containsExactlyInAnyOrder("future-0", "future-1");
	}

	@Test
	void anExceptionInATaskIsHeldByItsFutureAndRaisedInTheCaller() throws Exception {
		Runs runs = Runs.of(new FutureBasicsScenario()).speed(10).gate(bothWorkersBusy());
		Trace trace = runs.run(Map.of("raises", true));
		assertThat(runs.outcome().status()).as("%s", runs.outcome()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main")).contains("task2 raised: page 2 failed");
		Event raised = trace.first("main", EventKind.EXCEPTION);
		assertThat(trace.bySeq(raised.cause()).kind()).as("caused by the worker's DONE").isEqualTo(EventKind.DONE);
		assertThat((String) trace.bySeq(raised.cause()).value()).contains("raised ValueError: page 2 failed");
	}

	@Test
	void waitReturnsAfterTheFirstCompletionWhileTheOthersStillRun() throws Exception {
		Runs runs = Runs.of(new WaitFirstScenario()).speed(10);
		Trace trace = runs.run(Map.of());
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main")).containsExactly("main done: 1 not done: 2");
		Event mainGoesOn = trace.first("main", EventKind.PRINT);
		long doneBefore = trace.events().stream().filter(e -> e.kind() == EventKind.DONE && e.seq() < mainGoesOn.seq()).count();
		assertThat(doneBefore).as("only the first task was done when main went on").isEqualTo(1);
		long doneAfter = trace.events().stream().filter(e -> e.kind() == EventKind.DONE && e.seq() > mainGoesOn.seq()).count();
		assertThat(doneAfter).as("the others finished after").isEqualTo(2);
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
