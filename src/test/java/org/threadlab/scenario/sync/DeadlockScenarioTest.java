package org.threadlab.scenario.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.ACQUIRE;
import static org.threadlab.event.EventKind.ACQUIRED;
import static org.threadlab.event.EventKind.DEADLOCK;
import static org.threadlab.event.EventKind.EXIT;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.testing.Rendezvous;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Step;
import org.threadlab.testing.Trace;

class DeadlockScenarioTest {

	@Test
	@SuppressWarnings("unchecked")
	void theDeadlockIsFoundAndBothThreadsAreFreed() throws Exception {
		// Each thread holding its first lock when it asks for the second: forced, not hoped for.
		Runs runs = Runs.of(new DeadlockScenario())
			.gate(new Rendezvous(new Step("A", ACQUIRE, "b"), new Step("B", ACQUIRE, "a")));
		Trace trace = runs.run(Map.of("pause", 0));

		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.DEADLOCK);
		assertThat(runs.outcome().error()).contains("A waits for b, held by B", "B waits for a, held by A");
		Event found = trace.events().stream().filter(e -> e.kind() == DEADLOCK).findFirst().orElseThrow();
		Map<String, Object> cycle = (Map<String, Object>) found.value();
		assertThat((List<Object>) cycle.get("actors")).containsExactlyInAnyOrder("A", "B");
		assertThat((List<Object>) cycle.get("objects")).containsExactlyInAnyOrder("a", "b");
		assertThat(trace.first("A", EXIT).value()).isEqualTo("freed");
		assertThat(trace.first("B", EXIT).value()).isEqualTo("freed");
		assertThat(trace.allPrints()).doesNotContain("both done");
	}

	@Test
	void underTheGilTheThreadStartedFirstTakesTheFirstLockFirstInEveryRun() throws Exception {
		for (int i = 0; i < 15; i++) {
			Runs runs = Runs.of(new DeadlockScenario()).speed(100).gil(Gil.Mode.BACK_EDGES_AND_CALLS, 0.005);
			Trace trace = runs.run(Map.of("sameOrder", true, "pause", 0.1));
			assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
			assertThat(trace.allPrints()).as("run %d", i).containsExactly("took a", "took b", "took a", "took b", "both done");
			assertThat(trace.first("A", ACQUIRED).seq()).as("A, started first, takes a first")
				.isLessThan(trace.first("B", ACQUIRED).seq());
		}
	}

	@Test
	void takingTheLocksInOneOrderCompletes() throws Exception {
		Runs runs = Runs.of(new DeadlockScenario());
		Trace trace = runs.run(Map.of("sameOrder", true, "pause", 0.1));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main")).containsExactly("both done");
		assertThat(trace.printsOf("A")).containsExactly("took a", "took b");
		assertThat(trace.printsOf("B")).containsExactly("took a", "took b");
	}

}
