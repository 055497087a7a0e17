package org.threadlab.probe;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.threadlab.run.Actor;
import org.threadlab.run.Blocker;
import org.threadlab.run.Taking;
import org.threadlab.builtins.PyValueError;

/**
 * Python's {@code threading.Semaphore} and {@code BoundedSemaphore} on a real {@link Semaphore}. The
 * permits left ride on ACQUIRED and RELEASE. A bounded one refuses a release past its initial value,
 * as Python does ("Semaphore released too many times"); a plain one lets the count grow.
 * <p>
 * Thread-safety: any actor may call any method. The count shown is kept with a compare-and-set, so a
 * bounded release is checked and counted in one atomic step.
 */
public final class TracedSemaphore {

	private final String name;

	private final int initial;

	private final boolean bounded;

	private final Semaphore permits;

	/** Python's counter: decreased after a real acquire, increased before a real release. */
	private final AtomicInteger value;

	private final Blocker blocker = new Blocker() {

		@Override
		public String name() {
			return name;
		}

		@Override
		public boolean canProceed(Actor waiter) {
			return value.get() > 0; // the counter, which moves with the watchdog, not the real permits
		}

	};

	private final Acquiring acquiring;

	private TracedSemaphore(String name, int value, boolean bounded) {
		if (value < 0) {
			throw new PyValueError("semaphore initial value must be >= 0");
		}
		this.name = name;
		this.initial = value;
		this.bounded = bounded;
		this.permits = new Semaphore(value, true);
		this.value = new AtomicInteger(value);
		this.acquiring = new Acquiring(name, blocker, new Taking(permits::tryAcquire, permits::acquire,
				nanos -> permits.tryAcquire(nanos, TimeUnit.NANOSECONDS)));
		Created.record(name, bounded ? "bounded-semaphore" : "semaphore", value);
	}

	/** {@code threading.Semaphore(value)}. */
	public static TracedSemaphore semaphore(String name, int value) {
		return new TracedSemaphore(name, value, false);
	}

	/** {@code threading.BoundedSemaphore(value)}. */
	public static TracedSemaphore bounded(String name, int value) {
		return new TracedSemaphore(name, value, true);
	}

	public void acquire() throws InterruptedException {
		acquire(-1);
	}

	/** {@code sem.acquire(timeout=...)}; false when the timeout ran out. */
	public boolean acquire(double timeoutSeconds) throws InterruptedException {
		return acquiring.acquire((long) value.get(), true, timeoutSeconds, true,
				me -> (long) value.decrementAndGet());
	}

	public void release() {
		Actor me = Actor.current();
		acquiring.prepareRelease(me);
		int now;
		do {
			now = value.get();
			if (bounded && now >= initial) {
				throw new PyValueError("Semaphore released too many times");
			}
		}
		while (!value.compareAndSet(now, now + 1));
		acquiring.released(me, (long) now + 1, true);
		permits.release();
	}

	/** Permits left now. */
	public int value() {
		return value.get();
	}


}
