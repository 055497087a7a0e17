package org.threadlab.scenario.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.ACQUIRED;
import static org.threadlab.event.EventKind.EXIT;
import static org.threadlab.event.EventKind.RELEASE;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.run.Outcome;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

class RLockScenarioTest {

	private static final String ADD = "Thread-1 (add)";

	@Test
	void theRLocksHoldCountGoesUpToTwoAndBackToZero() throws Exception {
		Runs runs = Runs.of(new RLockScenario());
		Trace trace = runs.run(Map.of());
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.of(ADD).stream().filter(e -> e.kind() == ACQUIRED).map(Event::value)).containsExactly(1L, 2L);
		assertThat(trace.of(ADD).stream().filter(e -> e.kind() == RELEASE).map(Event::value)).containsExactly(1L, 0L);
		assertThat(trace.printsOf(ADD)).containsExactly("acquired once", "acquired twice", "released twice");
	}

	@Test
	void aPlainLockTakenTwiceDeadlocksItsOwnThreadAndTheWatchdogSaysSo() throws Exception {
		Runs runs = Runs.of(new RLockScenario());
		Trace trace = runs.run(Map.of("plainLock", true));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.DEADLOCK);
		assertThat(runs.outcome().error()).isEqualTo(ADD + " waits for lock, which it holds itself");
		assertThat(trace.printsOf(ADD)).containsExactly("acquired once");
		assertThat(trace.first(ADD, EXIT).value()).isEqualTo("freed");
	}

}
