package org.threadlab.probe;

import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.Blocker;

/**
 * A wait for something another thread makes ready, as CPython waits on a condition for it: a future's
 * result, a pool's result, imap's next result. It records the wait's start, lets the watchdog look when
 * it may last for ever (the {@link Blocker} it makes of the ready test and the holders), really waits on
 * the primitive's own lock and condition, records the end and raises Python's timeout. The primitive
 * makes it ready under that lock and signals the condition.
 * <p>
 * Thread-safety: any actor may wait; the primitive's lock guards the wait. The ready test and the
 * holders are also called by the watchdog under its own lock, so they read volatile state only.
 * Interruption: a stopped run interrupts the wait, which throws {@link InterruptedException}.
 */
public final class ReadyWait {

	/** What a get does once ready or timed out, under the lock: records the end (with afterInside) and takes. */
	@FunctionalInterface
	public interface Taker<R> {

		R take(boolean ready);

	}

	private final String name;

	private final ReentrantLock lock;

	private final Condition changed;

	private final BooleanSupplier ready;

	private final Blocker blocker;

	/**
	 * @param name the object waited on, on the timeline
	 * @param kind what kind of wait the watchdog reports ({@link Blocker#kind}): "result", "queue"
	 * @param ready whether the waiter could go on now
	 * @param holders who must act to make it ready (for the wait-for graph); empty when nobody in particular
	 */
	public ReadyWait(String name, String kind, ReentrantLock lock, Condition changed, BooleanSupplier ready,
			Supplier<List<Actor>> holders) {
		this.name = name;
		this.lock = lock;
		this.changed = changed;
		this.ready = ready;
		this.blocker = new Blocker() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public boolean canProceed(Actor waiter) {
				return ready.getAsBoolean();
			}

			@Override
			public List<Actor> holders() {
				return holders.get();
			}

			@Override
			public String kind() {
				return kind;
			}

		};
	}

	/**
	 * {@code result(timeout)}, {@code wait(timeout)}: nothing recorded when ready already; else WAIT (value:
	 * the timeout, if any), a real wait for ever ({@code timeoutSeconds} negative, watched) or within the
	 * timeout, and WOKEN, caused by {@code cause} (the event that made it ready) or "timed out".
	 * @return whether it is ready
	 */
	public boolean await(Actor me, double timeoutSeconds, LongSupplier cause) throws InterruptedException {
		if (ready.getAsBoolean()) {
			return true;
		}
		if (timeoutSeconds < 0) {
			me.hook().beforeWait(me, EventKind.WAIT, name, null, blocker);
		}
		else {
			me.hook().beforeTimed(me, EventKind.WAIT, name, timeoutSeconds, timeoutSeconds);
		}
		boolean done;
		lock.lockInterruptibly();
		try {
			done = waitUntilReady(me, timeoutSeconds);
		}
		finally {
			lock.unlock();
		}
		me.hook().after(me, EventKind.WOKEN, name, done ? null : "timed out",
				done ? cause.getAsLong() : Event.NO_CAUSE);
		return done;
	}

	/** {@link #await}, raising {@code timedOut} when it is not ready in time. */
	public void awaitOrRaise(Actor me, double timeoutSeconds, LongSupplier cause,
			Supplier<? extends RuntimeException> timedOut) throws InterruptedException {
		if (!await(me, timeoutSeconds, cause)) {
			throw timedOut.get();
		}
	}

	/**
	 * {@code next(timeout)}: GET (kept holding the GIL when ready already or not to wait at all), a real
	 * wait as {@link #await}'s, then {@code taker}, under the lock, records the GOT and takes; the GIL is
	 * taken back once the lock is let go of. Raises {@code timedOut} when it was not ready in time.
	 */
	public <R> R take(Actor me, double timeoutSeconds, Taker<R> taker, Supplier<? extends RuntimeException> timedOut)
			throws InterruptedException {
		if (ready.getAsBoolean() || timeoutSeconds == 0) {
			me.hook().begin(me, EventKind.GET, name, null);
		}
		else if (timeoutSeconds < 0) {
			me.hook().beforeWait(me, EventKind.GET, name, null, blocker);
		}
		else {
			me.hook().beforeTimed(me, EventKind.GET, name, null, timeoutSeconds);
		}
		boolean done;
		R taken;
		lock.lockInterruptibly();
		try {
			done = waitUntilReady(me, timeoutSeconds);
			taken = taker.take(done);
		}
		finally {
			lock.unlock();
		}
		me.hook().resume(me);
		if (!done) {
			throw timedOut.get();
		}
		return taken;
	}

	/** Under the lock: waits until ready, for ever or at most {@code timeoutSeconds}; whether it is. */
	private boolean waitUntilReady(Actor me, double timeoutSeconds) throws InterruptedException {
		if (timeoutSeconds < 0) {
			while (!ready.getAsBoolean()) {
				changed.await();
			}
			return true;
		}
		return ready.getAsBoolean() || me.hook().awaitTimed(me, nanos -> {
			if (nanos > 0) {
				changed.awaitNanos(nanos);
			}
			return ready.getAsBoolean();
		});
	}

}
