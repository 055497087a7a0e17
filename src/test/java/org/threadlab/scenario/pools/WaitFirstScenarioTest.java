package org.threadlab.scenario.pools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §5.3 on the recorded events: wait(FIRST_COMPLETED) returns after the first result. */
class WaitFirstScenarioTest {

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

}
