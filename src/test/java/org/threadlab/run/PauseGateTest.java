package org.threadlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.probe.Py;
import org.threadlab.probe.TracedThread;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.gil.GilRaceScenario;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Trace;

/**
 * Pause stops every thread at its next step and stops the run's clock; a step lets exactly one held
 * step through, the chosen thread's; resume lets all go. Pausing changes nothing else.
 */
class PauseGateTest {

	@AfterEach
	void nothingIsLeftRunning() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
	}

	private static Run pausedRun(RunBody body) {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(10), 100_000);
		PauseGate gate = new PauseGate(run.clock());
		gate.pause();
		run.useGate(gate);
		run.start("main", body);
		return run;
	}

	private static PauseGate gateOf(Run run) {
		return (PauseGate) run.gate();
	}

	@Test
	void aPausedRunTakesOneStepPerStepAndFinishesWhenResumed() throws Exception {
		Run run = pausedRun(() -> {
			for (int i = 0; i < 5; i++) {
				Py.print(i);
			}
		});
		PauseGate gate = gateOf(run);
		assertThat(gate.awaitHeld(1, 10_000)).as("main is held at its first step").isTrue();
		long before = run.recorder().claimed();
		for (int step = 1; step <= 3; step++) {
			assertThat(gate.step()).isTrue();
			// the step is taken once main is held again at its next one
			waitUntilRecorded(run, before + step);
			assertThat(gate.awaitHeld(1, 10_000)).isTrue();
			assertThat(run.recorder().claimed()).as("exactly one step more").isEqualTo(before + step);
		}
		gate.resume();
		assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(Outcome.Status.COMPLETED);
	}

	@Test
	void aStepAskedForWhileNothingIsHeldIsNotKeptForLater() throws Exception {
		Run run = pausedRun(() -> {
			Py.sleep(0.5); // held before its SLEEP, then asleep: nothing is held while it sleeps
			for (int i = 0; i < 5; i++) {
				Py.print(i);
			}
		});
		PauseGate gate = gateOf(run);
		stepUntilHeldAt(gate, EventKind.SLEEP);
		assertThat(gate.step()).as("main goes into its sleep").isTrue();
		waitUntil(() -> gate.snapshot().held().isEmpty());
		// Clicks while main sleeps: nothing is held, so nothing is let through, now or later.
		boolean any = false;
		for (int i = 0; i < 10; i++) {
			any |= gate.step();
		}
		assertThat(any).isFalse();
		assertThat(gate.awaitHeld(1, 30_000)).as("main wakes and is held at its first print").isTrue();
		long prints = Trace.of(run.recorder()).events().stream().filter(e -> e.kind() == EventKind.PRINT).count();
		assertThat(prints).as("no banked step spent in a burst").isZero();
		gate.resume();
		assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(Outcome.Status.COMPLETED);
	}

	@Test
	void aStepOfTheChosenThreadMovesItAndNoOtherThread() throws Exception {
		Run run = pausedRun(() -> {
			var a = new TracedThread("A", false, () -> {
				for (int i = 0; i < 3; i++) {
					Py.print("A" + i);
				}
			});
			var b = new TracedThread("B", false, () -> {
				for (int i = 0; i < 3; i++) {
					Py.print("B" + i);
				}
			});
			a.start();
			b.start();
			a.join();
			b.join();
		});
		PauseGate gate = gateOf(run);
		// Step main alone until B is held at its first print (main's start() waits for it to run).
		while (true) {
			waitUntil(() -> gate.snapshot().held().stream().anyMatch(h -> h.name().equals("main") || h.name().equals("B")));
			List<PauseGate.Held> held = gate.snapshot().held();
			if (held.stream().anyMatch(h -> h.name().equals("B"))) {
				break;
			}
			PauseGate.Held main = held.stream().filter(h -> h.name().equals("main")).findFirst().orElseThrow();
			assertThat(gate.step(main.actor())).isTrue();
			waitUntil(() -> !gate.snapshot().held().contains(main));
		}
		assertThat(gate.awaitHeld(2, 10_000)).isTrue();
		int b = gate.snapshot().held().stream().filter(h -> h.name().equals("B")).findFirst().orElseThrow().actor();
		for (int i = 0; i < 2; i++) {
			assertThat(gate.step(b)).isTrue();
			waitUntil(() -> gate.snapshot().held().stream().anyMatch(h -> h.actor() == b));
		}
		List<String> printed = Trace.of(run.recorder())
			.events()
			.stream()
			.filter(e -> e.kind() == EventKind.PRINT)
			.map(e -> (String) e.value())
			.toList();
		assertThat(printed).as("B moved twice, A not at all").containsExactly("B0", "B1");
		gate.resume();
		assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(Outcome.Status.COMPLETED);
	}

	@Test
	void whilePausedTheClockStandsStillAndASleepStillSpansItsSeconds() throws Exception {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 100_000);
		PauseGate gate = new PauseGate(run.clock());
		run.useGate(gate);
		run.start("main", () -> Py.sleep(1));
		waitUntil(() -> Trace.of(run.recorder()).events().stream().anyMatch(e -> e.kind() == EventKind.SLEEP));
		gate.pause(); // mid-sleep
		long frozen = run.clock().now();
		Thread.sleep(1200); // longer than the whole sleep: paused, it must not end
		assertThat(run.clock().now()).as("lesson time stands still").isEqualTo(frozen);
		assertThat(Trace.of(run.recorder()).events().stream().noneMatch(e -> e.kind() == EventKind.WAKE)).isTrue();
		gate.resume();
		assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(Outcome.Status.COMPLETED);
		List<Event> events = Trace.of(run.recorder()).events();
		long slept = events.stream().filter(e -> e.kind() == EventKind.WAKE).findFirst().orElseThrow().timeNs()
				- events.stream().filter(e -> e.kind() == EventKind.SLEEP).findFirst().orElseThrow().timeNs();
		// Not the 1.2 s paused on top (2.2 s): a thread that wakes late on a loaded machine adds its lateness only
		assertThat(slept / 1e9).as("the sleep spans its 1 lesson second, pause or not").isBetween(1.0, 1.5);
	}

	@Test
	void pausingAndSteppingTheRaceUnderTheGilOf310LosesNoUpdate() throws Exception {
		GilRaceScenario scenario = new GilRaceScenario();
		Params params = Params.parse(scenario.parameters(), Map.of("n", 20_000));
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 200_000);
		run.useGil(0.001, Gil.Mode.BACK_EDGES_AND_CALLS);
		PauseGate gate = new PauseGate(run.clock());
		run.useGate(gate);
		run.start("main", () -> scenario.run(params));
		for (int i = 0; i < 10 && !run.outcome().isDone(); i++) {
			gate.pause();
			if (gate.awaitHeld(1, 2_000)) {
				for (int s = 0; s < 20; s++) {
					List<PauseGate.Held> held = gate.snapshot().held();
					if (held.isEmpty()) {
						break;
					}
					gate.step(held.get(s % held.size()).actor()); // each held thread in turn
					gate.awaitHeld(1, 200);
				}
			}
			gate.resume();
			Thread.sleep(5);
		}
		gate.resume();
		assertThat(run.outcome().get(60, TimeUnit.SECONDS).status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(Trace.of(run.recorder()).printsOf("main")).containsExactly("0", "lost updates: 0");
	}

	@Test
	void cancellingAPausedRunFreesItsHeldThreads() throws Exception {
		Run run = pausedRun(() -> Py.sleep(1));
		assertThat(gateOf(run).awaitHeld(1, 10_000)).isTrue();
		run.cancel();
		assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(Outcome.Status.CANCELLED);
	}

	/** Steps main (the run's only actor) until it is held before a step of this kind. */
	private static void stepUntilHeldAt(PauseGate gate, EventKind kind) throws InterruptedException {
		while (true) {
			assertThat(gate.awaitHeld(1, 10_000)).isTrue();
			PauseGate.Held held = gate.snapshot().held().get(0);
			if (held.kind() == kind) {
				return;
			}
			gate.step();
			waitUntil(() -> !gate.snapshot().held().contains(held));
		}
	}

	private static void waitUntilRecorded(Run run, long count) throws InterruptedException {
		waitUntil(() -> run.recorder().claimed() >= count);
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
		Eventually.within(Duration.ofSeconds(10)).every(Duration.ofMillis(1)).until("the gate's next state", condition);
	}

}
