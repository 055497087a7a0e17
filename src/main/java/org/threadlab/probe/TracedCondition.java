package org.threadlab.probe;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.Blocker;
import org.threadlab.run.Run;
import org.threadlab.builtins.PyRuntimeError;

/**
 * Python's {@code threading.Condition}, built as CPython builds it: over a lock (an RLock unless given
 * one), and for each waiting thread a waiter lock of its own, queued in the condition. {@code wait}
 * queues a waiter, releases the lock entirely, blocks on its waiter, then takes the lock back;
 * {@code notify(n)} frees the first n waiters. These are the tutorial's "two layers of locks", and the
 * timeline shows each step: WAIT, the lock's RELEASE, WOKEN (caused by the NOTIFY), then ACQUIRE and
 * ACQUIRED of the lock. A notify when nobody waits is lost — the trap of the tutorial's start order.
 * <p>
 * Thread-safety: any actor may call any method, as Python allows, after taking the lock (else
 * RuntimeError). The queue of waiters is guarded by the watchdog's lock, which also sees it.
 */
public final class TracedCondition {

	private final String name;

	private final Run run;

	private final LockLike lock;

	// guarded by the watchdog's lock
	private final Deque<Waiter> waiters = new ArrayDeque<>();

	private final class Waiter implements Blocker {

		final Semaphore wakeUp = new Semaphore(0);

		volatile boolean notified;

		volatile long notifySeq = Event.NO_CAUSE;

		@Override
		public String name() {
			return TracedCondition.this.name;
		}

		@Override
		public boolean canProceed(Actor waiter) {
			return notified;
		}

		@Override
		public String kind() {
			return "condition";
		}

	}

	/** {@code threading.Condition()}: over a new RLock. */
	public TracedCondition(String name) {
		this(name, new TracedRLock(name + ".lock"));
	}

	/** {@code threading.Condition(lock)}. */
	public TracedCondition(String name, LockLike lock) {
		this.name = name;
		this.lock = lock;
		this.run = Actor.current().run();
		Created.record(name, "condition", 0);
	}

	public void acquire() throws InterruptedException {
		lock.acquire();
	}

	public void release() {
		lock.release();
	}

	/** {@code with cond:} as a try-with-resources block. */
	public Held hold() throws InterruptedException {
		lock.acquire();
		return lock::release;
	}

	/** {@code cond.wait()}: until notified. */
	public void await() throws InterruptedException {
		await(-1);
	}

	/** {@code cond.wait(timeout)}: false when the timeout ran out before a notify. */
	public boolean await(double timeoutSeconds) throws InterruptedException {
		Actor me = Actor.current();
		if (!lock.isOwnedBy(me)) {
			throw new PyRuntimeError("cannot wait on un-acquired lock");
		}
		Waiter waiter = new Waiter();
		run.watchdog().change(() -> waiters.addLast(waiter));
		if (timeoutSeconds < 0) {
			me.hook().before(me, EventKind.WAIT, name, null);
		}
		else {
			me.hook().beforeTimed(me, EventKind.WAIT, name, timeoutSeconds, timeoutSeconds);
		}
		int saved = lock.releaseSave();
		boolean woken;
		try {
			if (timeoutSeconds < 0) {
				me.hook().waitingOn(me, waiter); // only now: the lock is free, so others may notify
				waiter.wakeUp.acquire();
				woken = true;
			}
			else {
				woken = me.hook().awaitTimed(me, nanos -> waiter.wakeUp.tryAcquire(nanos, TimeUnit.NANOSECONDS));
			}
		}
		catch (InterruptedException ex) {
			run.watchdog().change(() -> waiters.remove(waiter));
			throw ex;
		}
		if (!woken) {
			run.watchdog().change(() -> waiters.remove(waiter));
		}
		me.hook().after(me, EventKind.WOKEN, name, woken ? null : "timed out", woken ? waiter.notifySeq : Event.NO_CAUSE);
		lock.acquireRestore(saved);
		return woken;
	}

	/** {@code cond.wait_for(predicate)}: waits until the predicate holds; checks it first, so no notify is missed. */
	public void awaitUntil(java.util.function.BooleanSupplier predicate) throws InterruptedException {
		while (!predicate.getAsBoolean()) {
			await();
		}
	}

	/** {@code cond.notify(n)}: wakes up to n waiters, first come first woken; none if nobody waits. */
	public void notify(int n) {
		wake(n, EventKind.NOTIFY);
	}

	/** {@code cond.notify()}. */
	public void notifyOne() {
		wake(1, EventKind.NOTIFY);
	}

	/** {@code cond.notify_all()}. */
	public void notifyAllWaiters() {
		wake(Integer.MAX_VALUE, EventKind.NOTIFY_ALL);
	}

	private void wake(int n, EventKind kind) {
		Actor me = Actor.current();
		if (!lock.isOwnedBy(me)) {
			throw new PyRuntimeError("cannot notify on un-acquired lock");
		}
		Deque<Waiter> chosen = new ArrayDeque<>();
		run.watchdog().change(() -> {
			while (chosen.size() < n && !waiters.isEmpty()) {
				chosen.add(waiters.pollFirst());
			}
		});
		long seq = me.hook().instant(me, kind, name, (long) chosen.size(), Event.NO_CAUSE);
		for (Waiter waiter : chosen) {
			waiter.notifySeq = seq;
			run.watchdog().change(() -> waiter.notified = true);
			waiter.wakeUp.release();
		}
	}

	/** How many threads wait on it now. */
	public int waiting() {
		int[] count = new int[1];
		run.watchdog().change(() -> count[0] = waiters.size());
		return count[0];
	}

}
