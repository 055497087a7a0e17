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
import org.threadlab.futures.TracedExecutor;
import org.threadlab.probe.Py;
import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedThread;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Trace;

/**
 * The watchdog finds every cycle, whatever it runs through: a lock its holder keeps, a thread a join
 * waits to end, a task a result() waits for — and a thread beside them that still runs hides nothing.
 */
class WatchdogTest {

	@AfterEach
	void nothingIsLeftRunning() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
	}

	private static Run run(RunBody body) throws Exception {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(10), 100_000);
		run.useGil(0.005, Gil.Mode.BACK_EDGES_AND_CALLS);
		run.start("main", body);
		run.outcome().get(30, TimeUnit.SECONDS);
		assertThat(run.awaitTermination(Duration.ofSeconds(10))).isTrue();
		return run;
	}

	/** A daemon that sleeps and prints in a loop for ever: running, yet it can free nobody. */
	private static void heartbeat() throws InterruptedException {
		new TracedThread("heartbeat", true, () -> {
			while (true) {
				Py.sleep(0.5);
				Py.print("beat");
			}
		}).start();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> finding(Run run) {
		Event found = Trace.of(run.recorder()).events().stream().filter(e -> e.kind() == EventKind.DEADLOCK)
			.findFirst().orElseThrow();
		return (Map<String, Object>) found.value();
	}

	@Test
	void mainHoldingALockAndJoiningAThreadThatWaitsForItIsADeadlock() throws Exception {
		for (boolean withHeartbeat : new boolean[] { false, true }) {
			Run run = run(() -> {
				if (withHeartbeat) {
					heartbeat();
				}
				var lock = new TracedLock("L");
				lock.acquire();
				var worker = new TracedThread("T", false, () -> {
					lock.acquire();
					lock.release();
				});
				worker.start();
				worker.join(); // main waits for T, T waits for L, which main holds
			});
			Outcome outcome = run.outcome().get();
			assertThat(outcome.status()).as("heartbeat: %s", withHeartbeat).isEqualTo(Outcome.Status.DEADLOCK);
			assertThat(outcome.error()).contains("main waits for T to end", "T waits for L, held by main");
			assertThat((List<Object>) finding(run).get("kinds")).containsExactlyInAnyOrder("join", "lock");
		}
	}

	@Test
	void waitingForAResultWhileHoldingTheLockItsTaskNeedsIsADeadlock() throws Exception {
		for (boolean withHeartbeat : new boolean[] { false, true }) {
			Run run = run(() -> {
				if (withHeartbeat) {
					heartbeat();
				}
				var lock = new TracedLock("L");
				try (var pool = new TracedExecutor(1)) {
					lock.acquire();
					var future = pool.submit("task()", () -> {
						lock.acquire();
						lock.release();
						return 1;
					});
					future.result(); // main waits for the task, whose worker waits for L, which main holds
				}
			});
			Outcome outcome = run.outcome().get();
			assertThat(outcome.status()).as("heartbeat: %s", withHeartbeat).isEqualTo(Outcome.Status.DEADLOCK);
			assertThat(outcome.error()).contains("main waits for the result of future-0", "waits for L, held by main");
		}
	}

	@Test
	void twoLocksTakenInOppositeOrdersAreADeadlockEvenWithAHeartbeatBeside() throws Exception {
		Run run = run(() -> {
			heartbeat();
			var a = new TracedLock("a");
			var b = new TracedLock("b");
			var other = new TracedThread("B", false, () -> {
				b.acquire();
				Py.sleep(0.2);
				a.acquire();
			});
			a.acquire();
			other.start();
			Py.sleep(0.1);
			b.acquire();
		});
		assertThat(run.outcome().get().status()).isEqualTo(Outcome.Status.DEADLOCK);
	}


	@Test
	void aHolderThatLetsGoWhileTheWatchdogLooksIsNoCycleAndNoError() {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 1_000);
		Actor waiter = run.registerActor("main", org.threadlab.event.ActorInfo.Type.THREAD, Run.pid(), -1, false);
		Actor worker = run.registerActor("worker", org.threadlab.event.ActorInfo.Type.THREAD, Run.pid(), -1, false);
		Watchdog watchdog = new Watchdog();
		watchdog.started(waiter);
		watchdog.started(worker);
		int[] asked = new int[1];
		Blocker result = new Blocker() {

			@Override
			public String name() {
				return "future-1";
			}

			@Override
			public boolean canProceed(Actor who) {
				return false;
			}

			@Override
			public List<Actor> holders() {
				// the worker finishes its task between two looks: a result's holders are read from volatile state
				return asked[0]++ == 0 ? List.of(worker) : List.of();
			}

		};
		assertThat(watchdog.waiting(waiter, result)).as("no cycle: the worker runs").isNull();
	}

}
