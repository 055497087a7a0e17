package org.threadlab.scenario.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

class SemaphoreScenarioTest {

	@Test
	void neverMoreSpidersAtOnceThanPermits() throws Exception {
		Runs runs = Runs.of(new SemaphoreScenario()).speed(20);
		Trace trace = runs.run(Map.of("urls", 12, "permits", 3, "seconds", 1));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);

		int held = 0;
		int sleeping = 0;
		int mostHeld = 0;
		int mostSleeping = 0;
		for (Event e : trace.events()) {
			if ("sem".equals(e.object()) && e.kind() == EventKind.ACQUIRED) {
				held++;
			}
			if ("sem".equals(e.object()) && e.kind() == EventKind.RELEASE) {
				held--;
			}
			sleeping += e.kind() == EventKind.SLEEP ? 1 : e.kind() == EventKind.WAKE ? -1 : 0;
			mostHeld = Math.max(mostHeld, held);
			mostSleeping = Math.max(mostSleeping, sleeping);
			assertThat(held).as("permits out at seq %d", e.seq()).isBetween(0, 3);
			assertThat(sleeping).as("spiders fetching at seq %d", e.seq()).isLessThanOrEqualTo(3);
		}
		assertThat(mostHeld).as("the three permits were all used").isEqualTo(3);
		assertThat(trace.allPrints()).hasSize(12);
	}

}
