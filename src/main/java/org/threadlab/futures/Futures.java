package org.threadlab.futures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.builtins.PyTimeoutError;
import org.threadlab.run.Actor;
import org.threadlab.run.Blocker;

/**
 * Python's {@code as_completed} and {@code wait}: a caller waits on many futures at once, really
 * blocking on a condition that each future's done callback signals. The wait is recorded as WAIT on
 * {@value #NAME} … WOKEN, caused by the DONE of the future that ended it.
 * Stateless; each call keeps its own waiter.
 */
public final class Futures {

	static final String NAME = "futures";

	private Futures() {
	}

	/** {@code return_when} of {@code wait}. */
	public enum ReturnWhen {
		FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED
	}

	/** What {@code wait} returns: the futures done, and those not done. */
	public record DoneAndNotDone<T>(Set<TracedFuture<T>> done, Set<TracedFuture<T>> notDone) {
	}

	/** Collects done futures in the order they finish, for one caller. */
	private static final class Waiter<T> implements Blocker {

		final ReentrantLock lock = new ReentrantLock();

		final Condition arrived = lock.newCondition();

		final List<TracedFuture<T>> finished = new ArrayList<>();

		volatile int ready;

		volatile int needed = 1;

		void add(TracedFuture<T> future) {
			lock.lock();
			try {
				finished.add(future);
				ready = finished.size();
				arrived.signalAll();
			}
			finally {
				lock.unlock();
			}
		}

		@Override
		public String kind() {
			return "futures";
		}

		@Override
		public String name() {
			return NAME;
		}

		@Override
		public boolean canProceed(Actor waiter) {
			return ready >= needed;
		}

	}

	/**
	 * {@code as_completed(futures)}: the futures in the order they finish, each handed over as soon as it
	 * is done; the caller waits in between.
	 */
	public static <T> Iterable<TracedFuture<T>> asCompleted(Collection<TracedFuture<T>> futures) {
		return asCompleted(futures, -1);
	}

	/**
	 * {@code as_completed(futures, timeout)}: as above; the next future not done within {@code timeout}
	 * tutorial seconds of this call raises Python's {@code TimeoutError}.
	 */
	public static <T> Iterable<TracedFuture<T>> asCompleted(Collection<TracedFuture<T>> futures, double timeoutSeconds) {
		Actor caller = Actor.current();
		long deadline = deadline(caller, timeoutSeconds);
		Set<TracedFuture<T>> unique = new LinkedHashSet<>(futures); // each future once, as CPython
		Waiter<T> waiter = new Waiter<>();
		unique.forEach(f -> f.addDoneCallback(waiter::add));
		int total = unique.size();
		return () -> new java.util.Iterator<>() {

			int given;

			@Override
			public boolean hasNext() {
				return given < total;
			}

			@Override
			public TracedFuture<T> next() {
				try {
					waiter.needed = given + 1;
					if (!awaitReady(waiter, given + 1, deadline)) {
						throw new PyTimeoutError((total - given) + " (of " + total
								+ ") futures unfinished");
					}
					waiter.lock.lock();
					try {
						return waiter.finished.get(given++);
					}
					finally {
						waiter.lock.unlock();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("the run is stopping", ex);
				}
			}

		};
	}

	/** {@code wait(futures, return_when=...)}: returns once the condition holds. */
	public static <T> DoneAndNotDone<T> wait(Collection<TracedFuture<T>> futures, ReturnWhen when)
			throws InterruptedException {
		return wait(futures, when, -1);
	}

	/** {@code wait(futures, timeout, return_when)}: returns once the condition holds or the timeout ran out. */
	public static <T> DoneAndNotDone<T> wait(Collection<TracedFuture<T>> futures, ReturnWhen when, double timeoutSeconds)
			throws InterruptedException {
		long deadline = deadline(Actor.current(), timeoutSeconds);
		Set<TracedFuture<T>> unique = new LinkedHashSet<>(futures);
		Waiter<T> waiter = new Waiter<>();
		unique.forEach(f -> f.addDoneCallback(waiter::add));
		futures = unique;
		int needed = switch (when) {
			case FIRST_COMPLETED -> Math.min(1, futures.size());
			case ALL_COMPLETED -> futures.size();
			case FIRST_EXCEPTION -> futures.size(); // or fewer: see below
		};
		waiter.needed = needed;
		if (when == ReturnWhen.FIRST_EXCEPTION) {
			awaitFirstException(waiter, futures.size(), deadline);
		}
		else {
			awaitReady(waiter, needed, deadline);
		}
		Set<TracedFuture<T>> done = new LinkedHashSet<>();
		Set<TracedFuture<T>> notDone = new LinkedHashSet<>();
		for (TracedFuture<T> f : futures) {
			(f.done() ? done : notDone).add(f);
		}
		return new DoneAndNotDone<>(done, notDone);
	}

	/** The lesson time (ns) {@code timeoutSeconds} from now; {@code Long.MAX_VALUE} for no timeout (negative). */
	static long deadline(Actor me, double timeoutSeconds) {
		return timeoutSeconds < 0 ? Long.MAX_VALUE : me.run().clock().now() + Math.round(timeoutSeconds * 1e9);
	}

	/** Tutorial seconds from now to a deadline in lesson time (see {@link #deadline}). */
	static double secondsLeft(Actor me, long deadline) {
		return Math.max(0, (deadline - me.run().clock().now()) / 1e9);
	}

	/** Under the waiter's lock: waits for its next arrival until the step's timer is due; false if it came first. */
	private static boolean awaitArrival(Actor me, Waiter<?> waiter, java.util.function.BooleanSupplier enough)
			throws InterruptedException {
		return me.hook().awaitTimed(me, nanos -> {
			if (nanos > 0) {
				waiter.arrived.awaitNanos(nanos);
			}
			return enough.getAsBoolean();
		});
	}

	/** Waits until {@code count} futures are done or the deadline (System.nanoTime) passes; true if done. */
	private static <T> boolean awaitReady(Waiter<T> waiter, int count, long deadline) throws InterruptedException {
		if (waiter.ready >= count) {
			return true;
		}
		Actor me = Actor.current();
		boolean forever = deadline == Long.MAX_VALUE;
		if (forever) {
			me.hook().beforeWait(me, EventKind.WAIT, NAME, (long) count, waiter);
		}
		else {
			me.hook().beforeTimed(me, EventKind.WAIT, NAME, (long) count, secondsLeft(me, deadline));
		}
		TracedFuture<T> last = null;
		waiter.lock.lockInterruptibly();
		try {
			while (waiter.finished.size() < count) {
				if (forever) {
					waiter.arrived.await();
				}
				else if (!awaitArrival(me, waiter, () -> waiter.finished.size() >= count)) {
					break;
				}
			}
			if (waiter.finished.size() >= count) {
				last = waiter.finished.get(count - 1);
			}
		}
		finally {
			waiter.lock.unlock();
		}
		me.hook().after(me, EventKind.WOKEN, NAME, last == null ? "timed out" : last.name(),
				last == null ? Event.NO_CAUSE : last.doneSeq());
		return last != null;
	}

	private static <T> void awaitFirstException(Waiter<T> waiter, int all, long deadline) throws InterruptedException {
		Actor me = Actor.current();
		if (deadline == Long.MAX_VALUE) {
			me.hook().before(me, EventKind.WAIT, NAME, "first exception");
		}
		else {
			me.hook().beforeTimed(me, EventKind.WAIT, NAME, "first exception", secondsLeft(me, deadline));
		}
		TracedFuture<T> last = null;
		waiter.lock.lockInterruptibly();
		try {
			java.util.function.BooleanSupplier over = () -> waiter.finished.size() >= all
					|| waiter.finished.stream().anyMatch(f -> !f.cancelled() && f.exceptionNow() != null);
			while (true) {
				if (over.getAsBoolean()) {
					last = waiter.finished.isEmpty() ? null : waiter.finished.get(waiter.finished.size() - 1);
					break;
				}
				if (deadline == Long.MAX_VALUE) {
					waiter.arrived.await();
				}
				else if (!awaitArrival(me, waiter, over)) {
					break;
				}
			}
		}
		finally {
			waiter.lock.unlock();
		}
		me.hook().after(me, EventKind.WOKEN, NAME, last == null ? null : last.name(),
				last == null ? Event.NO_CAUSE : last.doneSeq());
	}

}
