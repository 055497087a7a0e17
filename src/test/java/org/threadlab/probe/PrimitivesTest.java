package org.threadlab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.run.RunBody;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** The primitives refuse what Python refuses, with Python's words, and time out as Python's do. */
class PrimitivesTest {

	private final List<String> seen = new ArrayList<>();

	@AfterEach
	void nothingIsLeftRunning() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
	}

	private Trace run(RunBody body) throws Exception {
		return Runs.completing(body);
	}

	private void refusal(Runnable call) {
		try {
			call.run();
			seen.add("accepted");
		}
		catch (RuntimeException ex) {
			seen.add(org.threadlab.builtins.PyErrors.describe(ex)); // in Python's words
		}
	}

	@Test
	void releasingAnUnlockedLockOrSomeoneElsesRLockIsRefused() throws Exception {
		run(() -> {
			var lock = new TracedLock("lock");
			refusal(lock::release);
			var rlock = new TracedRLock("rlock");
			rlock.acquire();
			var other = new TracedThread("other", false, () -> refusal(rlock::release));
			other.start();
			other.join();
			rlock.release();
			refusal(rlock::release);
		});
		assertThat(seen).containsExactly("RuntimeError: release unlocked lock",
				"RuntimeError: cannot release un-acquired lock", "RuntimeError: cannot release un-acquired lock");
	}

	@Test
	void aPlainLockMayBeReleasedByAnotherThreadAsInPython() throws Exception {
		run(() -> {
			var lock = new TracedLock("lock");
			lock.acquire();
			var other = new TracedThread("other", false, lock::release);
			other.start();
			other.join();
			seen.add("locked: " + lock.locked());
		});
		assertThat(seen).containsExactly("locked: false");
	}

	@Test
	void aBusyLockIsNotTakenWithoutBlockingNorWithinATimeout() throws Exception {
		run(() -> {
			var lock = new TracedLock("lock");
			lock.acquire();
			var other = new TracedThread("other", false, () -> {
				seen.add("non-blocking: " + lock.acquire(false, -1));
				seen.add("timeout: " + lock.acquire(true, 0.5));
			});
			other.start();
			other.join();
			lock.release();
		});
		assertThat(seen).containsExactly("non-blocking: false", "timeout: false");
	}

	@Test
	void aBoundedSemaphoreRefusesAReleasePastItsStartAPlainOneGrows() throws Exception {
		run(() -> {
			var bounded = TracedSemaphore.bounded("b", 1);
			refusal(bounded::release);
			var plain = TracedSemaphore.semaphore("p", 1);
			plain.release();
			seen.add("plain: " + plain.value());
		});
		assertThat(seen).containsExactly("ValueError: Semaphore released too many times", "plain: 2");
	}

	@Test
	void aQueueRaisesFullAndEmptyAndRefusesOneTaskDoneTooMany() throws Exception {
		run(() -> {
			var queue = new TracedQueue("q", 1);
			queue.put("a");
			refusal(() -> {
				try {
					queue.putNowait("b");
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			});
			try {
				queue.put("b", true, 0.2);
			}
			catch (TracedQueue.Full full) {
				seen.add("put timed out");
			}
			seen.add("got " + queue.get());
			try {
				queue.get(true, 0.2);
			}
			catch (TracedQueue.Empty empty) {
				seen.add("get timed out");
			}
			queue.taskDone();
			refusal(queue::taskDone);
			queue.join();
			seen.add("joined");
		});
		assertThat(seen).containsExactly("queue.Full", "put timed out", "got a", "get timed out",
				"ValueError: task_done() called too many times", "joined");
	}

	@Test
	void aConditionNeedsItsLockAndAWaitCanTimeOut() throws Exception {
		Trace trace = run(() -> {
			var cond = new TracedCondition("cond");
			refusal(cond::notifyOne);
			refusal(() -> {
				try {
					cond.await(0.1);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			});
			try (var held = cond.hold()) {
				seen.add("woken: " + cond.await(0.2));
			}
		});
		assertThat(seen).containsExactly("RuntimeError: cannot notify on un-acquired lock",
				"RuntimeError: cannot wait on un-acquired lock", "woken: false");
		// the wait let go of the lock and took it back, and the timeline has both
		assertThat(trace.kindsOf("main")).containsSubsequence(org.threadlab.event.EventKind.WAIT,
				org.threadlab.event.EventKind.RELEASE, org.threadlab.event.EventKind.WOKEN,
				org.threadlab.event.EventKind.ACQUIRE, org.threadlab.event.EventKind.ACQUIRED);
	}

	@Test
	void aPlainLockTakenTwiceIsNoDeadlockWhileAnotherThreadMayStillReleaseIt() throws Exception {
		run(() -> {
			var lock = new TracedLock("lock");
			lock.acquire();
			var releaser = new TracedThread("releaser", false, () -> {
				Py.sleep(0.5);
				lock.release(); // any thread may release a plain Lock
			});
			releaser.start();
			lock.acquire(); // waits for itself, until the releaser lets it through
			seen.add("taken again");
			lock.release();
			releaser.join();
		});
		assertThat(seen).containsExactly("taken again");
	}

}
