package org.threadlab.scenario.pools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.run.Outcome;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §5.2.1 on the recorded events: as_completed hands results over in the order the tasks finish. */
class AsCompletedScenarioTest {

	static List<String> pagesPrinted(Trace trace) {
		return trace.printsOf("main").stream().filter(p -> p.startsWith("get ") && p.endsWith(" page")).toList();
	}

	@Test
	void asCompletedGivesTheResultsInTheOrderTheyFinish() throws Exception {
		Runs runs = Runs.of(new AsCompletedScenario()).speed(10);
		Trace trace = runs.run(Map.of());
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(pagesPrinted(trace)).containsExactly("get 2 page", "get 3 page", "get 4 page");
	}

}
