package org.threadlab.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something another thread or process will make true, by looking again and again until a
 * deadline: {@code Eventually.within(Duration.ofSeconds(10)).until("the server to be a zombie", () -> ...)}.
 * For states nothing signals (a process's end in /proc, a thread parked in the kernel, a count kept by
 * the server); where something does signal, wait on that instead (a latch, a future, a socket's message).
 * <p>
 * The condition is looked at right away, then after each pause ({@link #every}, 10 ms unless told)
 * and once more at the deadline, so a short limit never fails without a look at its end. A wait that
 * fails says what it waited for, how long, and (for a value) what it saw last. Interruption (JUnit's
 * timeout interrupts the test's thread) ends the wait with {@link InterruptedException}, the interrupt
 * consumed as usual. JDK only, so a test program running in a child JVM may use it too. Immutable:
 * any thread may use one; each call waits on the caller's thread.
 */
public final class Eventually {

	private static final Duration EVERY = Duration.ofMillis(10);

	private final Duration limit;

	private final Duration every;

	private Eventually(Duration limit, Duration every) {
		if (limit.isNegative() || every.isNegative() || every.isZero()) {
			throw new IllegalArgumentException("a wait needs a limit of zero or more and a pause of more than zero");
		}
		this.limit = limit;
		this.every = every;
	}

	/** A wait of at most {@code limit}. */
	public static Eventually within(Duration limit) {
		return new Eventually(limit, EVERY);
	}

	/** The same wait, looking again after each {@code pause} (what a slow or costly condition needs). */
	public Eventually every(Duration pause) {
		return new Eventually(limit, pause);
	}

	/** Waits until {@code condition} holds; fails with an {@link AssertionError} naming {@code what} if it never does. */
	public void until(String what, BooleanSupplier condition) throws InterruptedException {
		if (!last(condition::getAsBoolean, Boolean::booleanValue)) {
			throw new AssertionError("waited " + seconds() + " for " + what + ", in vain");
		}
	}

	/**
	 * Waits until {@code value} gives a value that is {@code done}, and returns it; fails with an
	 * {@link AssertionError} naming {@code what} and the last value seen if none is.
	 */
	public <T> T until(String what, Supplier<T> value, Predicate<? super T> done) throws InterruptedException {
		T seen = last(value, done);
		if (!done.test(seen)) {
			throw new AssertionError("waited " + seconds() + " for " + what + ", in vain; last seen: " + seen);
		}
		return seen;
	}

	/**
	 * Waits until {@code value} gives a value that is {@code done}, or the time is up; returns the last
	 * value seen, done or not, for the caller to assert on (as "which processes are still running").
	 */
	public <T> T last(Supplier<T> value, Predicate<? super T> done) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		T seen = value.get();
		while (!done.test(seen)) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return seen;
			}
			TimeUnit.NANOSECONDS.sleep(Math.min(every.toNanos(), left));
			seen = value.get();
		}
		return seen;
	}

	private String seconds() {
		return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
	}

}
