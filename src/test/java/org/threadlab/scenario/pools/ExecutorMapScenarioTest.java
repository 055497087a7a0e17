package org.threadlab.scenario.pools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.run.Outcome;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §5.2.2 on the recorded events: executor.map hands results over in the order submitted. */
class ExecutorMapScenarioTest {

	@Test
	void mapGivesTheResultsInTheOrderSubmitted() throws Exception {
		Runs runs = Runs.of(new ExecutorMapScenario()).speed(10);
		Trace trace = runs.run(Map.of());
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(AsCompletedScenarioTest.pagesPrinted(trace)).containsExactly("get 3 page", "get 2 page", "get 4 page");
	}

}
