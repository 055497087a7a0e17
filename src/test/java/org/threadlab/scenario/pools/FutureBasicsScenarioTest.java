package org.threadlab.scenario.pools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.testing.Rendezvous;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Step;
import org.threadlab.testing.Trace;

/** §5.1 on the recorded events: cancel, and the exception a future holds. */
class FutureBasicsScenarioTest {

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

}
