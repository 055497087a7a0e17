package org.threadlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.probe.Py;
import org.threadlab.testing.RunThreads;

/** Pause stops every thread at its next step; step lets one step through; resume lets all go. */
class PauseGateTest {

	@AfterEach
	void nothingIsLeftRunning() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
	}

	@Test
	void aPausedRunTakesOneStepPerStepAndFinishesWhenResumed() throws Exception {
		PauseGate gate = new PauseGate();
		gate.pause();
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(10), 1000);
		run.useGate(gate);
		run.start("main", () -> {
			for (int i = 0; i < 5; i++) {
				Py.print(i);
			}
		});
		assertThat(gate.awaitHeld(1, 10_000)).as("main is held at its first step").isTrue();
		long before = run.recorder().claimed();
		for (int step = 1; step <= 3; step++) {
			gate.step();
			// the step is taken once main is held again at its next one
			waitUntilRecorded(run, before + step);
			assertThat(gate.awaitHeld(1, 10_000)).isTrue();
			assertThat(run.recorder().claimed()).as("exactly one step more").isEqualTo(before + step);
		}
		gate.resume();
		assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(Outcome.Status.COMPLETED);
	}

	@Test
	void cancellingAPausedRunFreesItsHeldThreads() throws Exception {
		PauseGate gate = new PauseGate();
		gate.pause();
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(10), 1000);
		run.useGate(gate);
		run.start("main", () -> Py.sleep(1));
		assertThat(gate.awaitHeld(1, 10_000)).isTrue();
		run.cancel();
		assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(Outcome.Status.CANCELLED);
	}

	private static void waitUntilRecorded(Run run, long count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (run.recorder().claimed() < count && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
	}

}
