package org.threadlab.scenario.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.testing.LockHolders;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

class LockCounterScenarioTest {

	@Test
	void withALockTheTotalIsZeroAndTheLockHasOneHolderAtATime() throws Exception {
		Runs runs = Runs.of(new LockCounterScenario());
		Trace trace = runs.run(Map.of("n", 20));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main")).startsWith("0", "lost updates: 0");
		assertThat(LockHolders.assertOneHolderAtATime(trace, "lock")).isEqualTo(40);
	}

	@Test
	void withALockNoUpdateIsLostEvenInRealParallel() throws Exception {
		Runs runs = Runs.of(new LockCounterScenario()).speed(1);
		Trace trace = runs.run(Map.of("n", 200_000));
		assertThat(runs.outcome().status()).as("%s", runs.outcome()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main")).startsWith("0", "lost updates: 0");
	}

	@Test
	void withALockUnderTheGilOfCPython39NoUpdateIsLostEither() throws Exception {
		Runs runs = Runs.of(new LockCounterScenario()).speed(1).gil(Gil.Mode.EVERY_BYTECODE, 0.001);
		Trace trace = runs.run(Map.of("n", 100_000));
		assertThat(trace.printsOf("main")).startsWith("0", "lost updates: 0");
	}

}
