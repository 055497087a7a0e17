package org.threadlab.run;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A run's time: <em>lesson time</em>, in nanoseconds since the run started, on the monotonic clock.
 * <p>
 * The speed of time scales what the lesson is about — its sleeps and its timed waits, the run's
 * <em>timers</em> — and nothing else: while any timer of the run is under way, lesson time runs
 * {@code speed} times faster than real time; the rest of the time (a JVM starting, the machinery, CPU
 * work) passes at the rate of real time. So a sleep of s seconds spans s lesson seconds at every speed,
 * and a cost that is not the lesson's is shown as the real time it takes, never multiplied into the
 * lesson. While the run is paused, lesson time stands still ({@link #freeze}), and so do sleeps.
 * <p>
 * A child process gets the same start and speed; since {@link System#nanoTime()} reads the machine's
 * monotonic clock (CLOCK_MONOTONIC on Linux), its real times line up with the parent's, and the parent
 * learns of its timers from its event pipe ({@link #timerStarted(long)} with the child's real time).
 * <p>
 * Thread-safety: safe from any thread. The state is one immutable snapshot swapped by CAS, so reading
 * lesson time on a worker's hot path costs one volatile read and some arithmetic. Sleepers wait on a
 * real condition that a thaw signals.
 */
public final class RunClock {

	/**
	 * Lesson time is {@code base + rate * (real - since)}, the rate following from the rest: 0 while
	 * frozen, else the speed while a timer runs, else 1.
	 */
	private record State(int active, boolean frozen, long since, long base) {
	}

	private final long startNanos;

	private final double speed;

	private final AtomicReference<State> state = new AtomicReference<>(new State(0, false, 0, 0));

	private final ReentrantLock thawLock = new ReentrantLock();

	private final Condition thawed = thawLock.newCondition();

	public RunClock(long startNanos, double speed) {
		if (!(speed > 0) || Double.isInfinite(speed)) {
			throw new IllegalArgumentException("speed must be a positive number, got " + speed);
		}
		this.startNanos = startNanos;
		this.speed = speed;
	}

	public static RunClock startingNow(double speed) {
		return new RunClock(System.nanoTime(), speed);
	}

	public long startNanos() {
		return startNanos;
	}

	public double speed() {
		return speed;
	}

	/** Real nanoseconds since the run started. */
	public long realNow() {
		return System.nanoTime() - startNanos;
	}

	/** Lesson nanoseconds since the run started. */
	public long now() {
		return lessonAt(realNow());
	}

	/**
	 * The lesson time of a real time (ns since the start). A real time before the last change of rate
	 * (an event of a child process, which arrives a little after it happened) counts as that change.
	 */
	public long lessonAt(long realNs) {
		return lessonAt(state.get(), realNs);
	}

	private long lessonAt(State s, long realNs) {
		long elapsed = Math.max(0, realNs - s.since());
		return s.base() + Math.round(rate(s) * elapsed);
	}

	private double rate(State s) {
		return s.frozen() ? 0 : s.active() > 0 ? speed : 1;
	}

	/** How fast lesson time runs now, against real time: 0 while frozen, the speed while a timer runs, else 1. */
	public double rate() {
		return rate(state.get());
	}

	/** A timer (a sleep, a timed wait) of the run begins now. */
	public void timerStarted() {
		timerStarted(realNow());
	}

	/** A timer ends now. */
	public void timerEnded() {
		timerEnded(realNow());
	}

	/** A timer began at the given real time (ns since the start). */
	public void timerStarted(long realNs) {
		change(realNs, s -> new State(s.active() + 1, s.frozen(), 0, 0));
	}

	/** A timer ended at the given real time. */
	public void timerEnded(long realNs) {
		change(realNs, s -> new State(Math.max(0, s.active() - 1), s.frozen(), 0, 0));
	}

	/** Lesson time stands still from now on (the run is paused). */
	public void freeze() {
		change(realNow(), s -> new State(s.active(), true, 0, 0));
	}

	/** Lesson time runs again; sleepers go on. */
	public void thaw() {
		change(realNow(), s -> new State(s.active(), false, 0, 0));
		thawLock.lock();
		try {
			thawed.signalAll();
		}
		finally {
			thawLock.unlock();
		}
	}

	public boolean isFrozen() {
		return state.get().frozen();
	}

	/** Applies a change of rate at {@code realNs}: the lesson time reached there becomes the new base. */
	private void change(long realNs, java.util.function.UnaryOperator<State> next) {
		state.updateAndGet(s -> {
			long at = Math.max(realNs, s.since());
			State n = next.apply(s);
			return new State(n.active(), n.frozen(), at, lessonAt(s, at));
		});
	}

	/**
	 * Sleeps until lesson time has advanced by {@code lessonNanos}; the caller has started a timer, so
	 * that lesson time runs at the speed. Stands still while the clock is frozen.
	 * @return the real time (ns since the start) at which the sleep was due: the thread wakes a little
	 *         later (the OS's scheduling, more on a loaded machine), and that delay is no part of the
	 *         lesson, so the caller ends its timer at the due time
	 * @throws InterruptedException when the run is stopped
	 */
	public long sleepLesson(long lessonNanos) throws InterruptedException {
		long until = now() + lessonNanos;
		while (true) {
			State s = state.get();
			long real = realNow();
			long left = until - lessonAt(s, real);
			if (left <= 0) {
				double rate = rate(s);
				long due = rate > 0 ? s.since() + Math.round((until - s.base()) / rate) : real;
				return Math.min(real, Math.max(due, s.since()));
			}
			if (s.frozen()) {
				thawLock.lockInterruptibly();
				try {
					if (state.get().frozen()) {
						thawed.await(50, TimeUnit.MILLISECONDS); // and look again: a thaw may slip between
					}
				}
				finally {
					thawLock.unlock();
				}
			}
			else {
				TimeUnit.NANOSECONDS.sleep(Math.max(1, Math.round(left / rate(s))));
			}
		}
	}

	/** How long, in real nanoseconds, the given tutorial seconds last at this speed. */
	public long realNanos(double tutorialSeconds) {
		return Math.round(tutorialSeconds * 1e9 / speed);
	}

	/** Lesson seconds since the start: what Python's {@code time.time()} differences measure. */
	public double seconds() {
		return now() / 1e9;
	}

	@Override
	public String toString() {
		return "RunClock[start=" + startNanos + ", speed=" + speed + "]";
	}

}
