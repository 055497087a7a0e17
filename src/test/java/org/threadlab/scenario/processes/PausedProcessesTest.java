package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.ipc.ProcessQueue;
import org.threadlab.multiprocessing.Programs;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.probe.Py;
import org.threadlab.run.Outcome;
import org.threadlab.run.PauseGate;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.Scenario;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Trace;

/**
 * The learner's pause reaches every process of a run: paused mid-run, no thread of any process takes a
 * step and lesson time stands still everywhere (a child's sleep does not end); a step lets exactly the
 * chosen thread of a child process through; with nothing held, a step moves lesson time to the next
 * sleeper's wake-up, in whichever process it sleeps.
 */
class PausedProcessesTest {

	private static final long SERVER = ProcessHandle.current().pid();

	private Run run;

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		if (run != null && !run.outcome().isDone()) {
			run.cancel(); // a failed test leaves nothing behind
		}
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).isEmpty();
	}

	@Test
	void pausedMidRunTheManagersDictStandsStillAndAStepMovesOnlyTheChosenThreadOfAChild() throws Exception {
		Scenario scenario = new ManagerDictScenario();
		run = start(scenario, Map.of("counter", true, "lock", true, "times", 3, "workSeconds", 0.5), 2);
		PauseGate gate = (PauseGate) run.gate();
		awaitEvent(run, e -> e.kind() == EventKind.REPLY, "a first reply from the manager");
		gate.pause();
		nothingMovesWhilePaused(run);

		// step until a thread of the manager's process is held at a step on the dict, then step only it
		PauseGate.Held chosen = stepUntilHeld(run, gate,
				h -> isChild(run, h) && (h.kind() == EventKind.WRITE || h.kind() == EventKind.READ));
		stepOnlyItMoves(run, gate, chosen);

		gate.resume();
		Outcome outcome = run.outcome().get(60, TimeUnit.SECONDS);
		assertThat(outcome.status()).as("%s", outcome).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(Trace.of(run.recorder()).printsOf("main")).containsExactly("{'count': 6}");
	}

	@Test
	void pausedWhileBothProcessesSleepAStepWakesTheFirstSleeperAndAnotherStepMovesOnlyIt() throws Exception {
		Scenario scenario = new ProcessQueueScenario();
		run = start(scenario, Map.of("seconds", 2, "consumerSleeps", true), 2, true);
		PauseGate gate = (PauseGate) run.gate();
		// Both workers sleep 2 lesson seconds (1 real at speed 2): the producer after its put, the consumer
		// first thing. Which sleep begins first is a race of two starting processes (two cold JVMs, when no
		// spare is ready, begin their work 50 to 250 ms apart, in either order), and the consumer first by
		// more than a step lasts leaves no moment with both awake and the consumer still held. So the gate
		// orders them: main is held before it starts the consumer, the producer before its sleep; resumed,
		// the producer's sleep begins at once, the consumer's once its process has started.
		stepOnlyUntilHeld(run, gate, "main", h -> h.kind() == EventKind.STARTING
				&& Trace.of(run.recorder()).events().stream().anyMatch(e -> e.kind() == EventKind.STARTING));
		stepOnlyUntilHeld(run, gate, "Process-1", h -> h.kind() == EventKind.SLEEP);
		gate.resume();
		awaitEvent(run, e -> e.kind() == EventKind.PUT_DONE, "the producer's put");
		waitUntil(() -> Trace.of(run.recorder()).events().stream().filter(e -> e.kind() == EventKind.SLEEP).count() == 2);
		gate.pause();
		nothingMovesWhilePaused(run);
		assertThat(gate.snapshot().held()).as("every thread sleeps or waits: nobody is held").isEmpty();

		long frozenAt = run.clock().now();
		assertThat(gate.step()).as("a step moves lesson time to the first wake-up").isTrue();
		PauseGate.Jump jump = gate.snapshot().jump();
		assertThat(jump).isNotNull();
		assertThat(jump.fromNs()).isEqualTo(frozenAt);
		assertThat(jump.byNs()).isPositive();
		assertThat(jump.woke()).isNotEmpty().allMatch(actor -> isChildActor(run, actor));
		settle(run);
		Trace trace = Trace.of(run.recorder());
		for (int woke : jump.woke()) {
			Event wake = trace.events().stream().filter(e -> e.actor() == woke && e.kind() == EventKind.WAKE)
				.reduce((first, second) -> second).orElseThrow();
			assertThat(wake.timeNs()).as("it woke when the jump reached its due time").isEqualTo(jump.toNs());
		}
		assertThat(run.clock().now()).as("and time stands there").isEqualTo(jump.toNs());

		// Once both have woken (time runs while a step is under way, and the other sleep ends a few
		// milliseconds later), the consumer is held at its get or its print: a step of it moves it alone.
		PauseGate.Held consumer = stepUntilHeld(run, gate, h -> isChild(run, h)
				&& (h.kind() == EventKind.GET || h.kind() == EventKind.PRINT)
				&& Trace.of(run.recorder()).events().stream().filter(e -> e.kind() == EventKind.WAKE).count() == 2);
		stepOnlyItMoves(run, gate, consumer);

		gate.resume();
		Outcome outcome = run.outcome().get(60, TimeUnit.SECONDS);
		assertThat(outcome.status()).as("%s", outcome).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(Trace.of(run.recorder()).allPrints()).contains("a");
	}

	@Test
	void aThreadOfAChildThatAJumpWokeAndThatEndsWhileItsProcessGoesOnLetsTheNextStepMoveTimeAgain() throws Exception {
		run = new Run(Run.Home.SERVER, RunClock.startingNow(2), 100_000);
		PauseGate gate = new PauseGate(run.clock());
		run.useGate(gate);
		run.start("main", () -> {
			var queue = new ProcessQueue("queue", 1);
			var child = new PyProcess(Programs.napWhileMainWaits(queue, 2));
			child.start();
			Py.sleep(6);
			queue.put("late");
			child.join();
		});
		// the child's thread naps, its main waits for the queue, and the server's main sleeps longer
		waitUntil(() -> count(run, EventKind.SLEEP) == 2 && count(run, EventKind.GET) == 1);
		gate.pause();
		nothingMovesWhilePaused(run);
		int napper = Trace.of(run.recorder()).actor("Thread-1 (nap)").id();
		assertThat(gate.step()).as("a jump to the nap's end").isTrue();
		assertThat(gate.snapshot().jump().woke()).containsExactly(napper);
		settle(run);
		assertThat(Trace.of(run.recorder()).events().stream().filter(e -> e.actor() == napper).map(Event::kind))
			.as("it woke and ended, with no step left to be held at").endsWith(EventKind.WAKE, EventKind.EXIT);

		// its process goes on (its main waits for the queue): the next step still moves time, to main's wake-up
		assertThat(gate.step()).as("a jump to main's wake-up").isTrue();
		assertThat(gate.snapshot().jump().woke()).containsExactly(0);
		gate.resume();
		Outcome outcome = run.outcome().get(60, TimeUnit.SECONDS);
		assertThat(outcome.status()).as("%s", outcome).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(Trace.of(run.recorder()).allPrints()).contains("late");
	}

	private static long count(Run run, EventKind kind) {
		return Trace.of(run.recorder()).events().stream().filter(e -> e.kind() == kind).count();
	}

	private static Run start(Scenario scenario, Map<String, ?> values, double speed) {
		return start(scenario, values, speed, false);
	}

	/** Starts the scenario's run, {@code paused} from its first step or not. */
	private static Run start(Scenario scenario, Map<String, ?> values, double speed, boolean paused) {
		Params params = Params.parse(scenario.parameters(), values);
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(speed), 1_000_000);
		PauseGate gate = new PauseGate(run.clock());
		if (paused) {
			gate.pause();
		}
		run.useGate(gate);
		run.start(scenario.mainName(params), () -> scenario.run(params));
		return run;
	}

	/** Paused: nothing is recorded, in any process, and lesson time stands still, for longer than a sleep's rest. */
	private static void nothingMovesWhilePaused(Run run) throws InterruptedException {
		settle(run);
		long recorded = run.recorder().claimed();
		long lesson = run.clock().now();
		Thread.sleep(1_200);
		assertThat(eventsSince(run, recorded)).as("nothing recorded while paused").isEmpty();
		assertThat(run.clock().now()).as("lesson time stands still").isEqualTo(lesson);
		assertThat(run.clock().rate()).isZero();
	}

	/** Lets one step of {@code chosen} through; no other thread of any process moves meanwhile. */
	private static void stepOnlyItMoves(Run run, PauseGate gate, PauseGate.Held chosen) throws InterruptedException {
		long before = run.recorder().claimed();
		assertThat(gate.step(chosen.actor())).isTrue();
		waitUntil(() -> eventsSince(run, before).stream().anyMatch(e -> e.actor() == chosen.actor()));
		settle(run);
		List<Event> since = eventsSince(run, before);
		assertThat(since).as("the chosen thread took its step").isNotEmpty();
		assertThat(since).as("and nobody else moved").allMatch(e -> e.actor() == chosen.actor());
		assertThat(since.get(0).kind()).isEqualTo(chosen.kind());
		nothingMovesWhilePaused(run);
	}

	/** Steps (the held step longest held, or a jump of lesson time) until a hold matches; returns it. */
	private static PauseGate.Held stepUntilHeld(Run run, PauseGate gate, Predicate<PauseGate.Held> wanted)
			throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			settle(run);
			for (PauseGate.Held held : gate.snapshot().held()) {
				if (wanted.test(held)) {
					return held;
				}
			}
			gate.step();
		}
		throw new AssertionError("no such hold within 200 steps: " + gate.snapshot());
	}

	/** Steps only the thread named {@code name} (of whichever process) until it is held where {@code wanted} says. */
	private static void stepOnlyUntilHeld(Run run, PauseGate gate, String name, Predicate<PauseGate.Held> wanted)
			throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			settle(run);
			PauseGate.Held held = gate.snapshot().held().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
			if (held != null && wanted.test(held)) {
				return;
			}
			if (held != null) {
				gate.step(held.actor());
			}
		}
		throw new AssertionError("no such hold of " + name + " within 200 steps: " + gate.snapshot());
	}

	private static boolean isChild(Run run, PauseGate.Held held) {
		return isChildActor(run, held.actor());
	}

	/** A thread of a child process, or a process's main thread (spawned by its parent with pid 0). */
	private static boolean isChildActor(Run run, int actor) {
		return Trace.of(run.recorder()).events().stream()
			.filter(e -> e.kind() == EventKind.SPAWN && e.value() instanceof ActorInfo info && info.id() == actor)
			.map(e -> (ActorInfo) e.value())
			.anyMatch(info -> info.pid() != SERVER);
	}

	private static List<Event> eventsSince(Run run, long count) {
		return Trace.of(run.recorder()).events().stream().filter(e -> e.seq() >= count).toList();
	}

	/** Waits until what children send has arrived: no event and no change of the gate for 300 ms. */
	private static void settle(Run run) throws InterruptedException {
		PauseGate gate = (PauseGate) run.gate();
		long last = -1;
		long quietSince = System.nanoTime();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			long now = run.recorder().claimed() * 1_000_000 + gate.version();
			if (now != last) {
				last = now;
				quietSince = System.nanoTime();
			}
			else if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(300)) {
				return;
			}
			Thread.sleep(10);
		}
	}

	private static void awaitEvent(Run run, Predicate<Event> wanted, String what) throws InterruptedException {
		waitUntil(() -> Trace.of(run.recorder()).events().stream().anyMatch(wanted), what);
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
		waitUntil(condition, "it");
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(condition.getAsBoolean()).as("%s within 30 s", what).isTrue();
	}

}
