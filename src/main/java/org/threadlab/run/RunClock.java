package org.threadlab.run;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A run's time: <em>lesson time</em>, in nanoseconds since the run started, on the monotonic clock.
 * <p>
 * The speed of time scales what the lesson is about — its sleeps and its timed waits, the run's
 * <em>timers</em> — and nothing else. A timer lasts a given lesson time (a sleep's seconds, a wait's
 * timeout); while a timer is due to run, lesson time runs {@code speed} times faster than real time,
 * and otherwise (a JVM starting, the machinery, CPU work) at the rate of real time. So a sleep of s
 * seconds spans s lesson seconds at every speed, and a cost that is not the lesson's is shown as the
 * real time it takes, never multiplied into the lesson. A timer counts until it is due, not until its
 * thread wakes: a thread that wakes late (the OS, a loaded machine) adds real time, even while another
 * timer runs. A timed wait that ends early (what it waited for came) ends its timer then. While the run
 * is paused, lesson time stands still ({@link #freeze}), and so do sleeps.
 * <p>
 * A child process gets the same start and speed; since {@link System#nanoTime()} reads the machine's
 * monotonic clock (CLOCK_MONOTONIC on Linux), its real times line up with the parent's, and the parent
 * learns of its timers from its event pipe ({@link #timerStarted(long, long)} with the child's real
 * time).
 * <p>
 * Thread-safety: safe from any thread. The state is one immutable snapshot swapped by CAS, so reading
 * lesson time on a worker's hot path costs one volatile read and some arithmetic. Sleepers wait on a
 * real condition that a thaw signals.
 */
public final class RunClock {

	/**
	 * Lesson time from {@code since} (real) on: {@code base} there, then the speed until the last
	 * running timer is due ({@code maxUntil}, lesson ns), then the rate of real time; standing still
	 * while frozen. {@code timers} pairs each running timer's id with its due lesson time. The state is
	 * read for every event's time stamp and changes only when a timer does: {@code maxUntil} is found once.
	 */
	private record State(boolean frozen, long since, long base, long[] timers, long maxUntil) {

		static State of(boolean frozen, long since, long base, long[] timers) {
			long max = Long.MIN_VALUE;
			for (int i = 1; i < timers.length; i += 2) {
				max = Math.max(max, timers[i]);
			}
			return new State(frozen, since, base, timers, max);
		}

	}

	private static final long[] NONE = {};

	private final long startNanos;

	private final double speed;

	private final AtomicReference<State> state = new AtomicReference<>(State.of(false, 0, 0, NONE));

	private final AtomicLong timerIds = new AtomicLong();

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
	 * The lesson time of a real time (ns since the start). A real time before the last change (an event
	 * of a child process, which arrives a little after it happened) counts as that change.
	 */
	public long lessonAt(long realNs) {
		return lessonAt(state.get(), realNs);
	}

	private long lessonAt(State s, long realNs) {
		if (s.frozen()) {
			return s.base();
		}
		long elapsed = Math.max(0, realNs - s.since());
		long maxUntil = s.maxUntil();
		if (maxUntil <= s.base()) {
			return s.base() + elapsed; // no timer left to run: real time
		}
		double untilDue = (maxUntil - s.base()) / speed; // real ns until the last timer is due
		if (elapsed <= untilDue) {
			return s.base() + Math.round(speed * elapsed);
		}
		return maxUntil + Math.round(elapsed - untilDue);
	}

	/** How fast lesson time runs now, against real time: 0 while frozen, the speed while a timer runs, else 1. */
	public double rate() {
		State s = state.get();
		if (s.frozen()) {
			return 0;
		}
		return lessonAt(s, realNow()) < s.maxUntil() ? speed : 1;
	}

	/**
	 * A timer of {@code lessonNanos} (a sleep's length, a wait's timeout) begins at the given real time (ns
	 * since the start).
	 * @return the timer's id, to end it early with {@link #timerEnded}
	 */
	public long timerStarted(long realNs, long lessonNanos) {
		long id = timerIds.incrementAndGet();
		change(realNs, (s, at) -> {
			long[] timers = Arrays.copyOf(s.timers(), s.timers().length + 2);
			timers[timers.length - 2] = id;
			timers[timers.length - 1] = at + Math.max(0, lessonNanos);
			return timers;
		}, null);
		return id;
	}

	/** A timer of {@code lessonNanos} begins now. */
	public long timerStarted(long lessonNanos) {
		return timerStarted(realNow(), lessonNanos);
	}

	/** The timer {@code id} ends at the given real time: early, if it was not yet due; else it changes nothing. */
	public void timerEnded(long realNs, long id) {
		change(realNs, (s, at) -> {
			long[] timers = s.timers();
			for (int i = 0; i < timers.length; i += 2) {
				if (timers[i] == id) {
					long[] fewer = new long[timers.length - 2];
					System.arraycopy(timers, 0, fewer, 0, i);
					System.arraycopy(timers, i + 2, fewer, i, timers.length - i - 2);
					return fewer;
				}
			}
			return timers;
		}, null);
	}

	/** Lesson time stands still from now on (the run is paused). */
	public void freeze() {
		change(realNow(), (s, at) -> s.timers(), true);
	}

	/** Lesson time runs again; sleepers go on. */
	public void thaw() {
		change(realNow(), (s, at) -> s.timers(), false);
		thawLock.lock();
		try {
			thawed.signalAll();
		}
		finally {
			thawLock.unlock();
		}
	}

	private interface TimersChange {

		/** The timers after the change, given the state before it and the lesson time {@code at} it happens. */
		long[] apply(State before, long at);

	}

	/**
	 * Applies a change at {@code realNs}: the lesson time reached there becomes the new base, timers due
	 * by then are gone, and {@code frozen}, if not null, is set.
	 */
	private void change(long realNs, TimersChange timers, Boolean frozen) {
		state.updateAndGet(s -> {
			long at = Math.max(realNs, s.since());
			long base = lessonAt(s, at);
			long[] changed = timers.apply(s, base);
			return State.of(frozen != null ? frozen : s.frozen(), at, base, runningAfter(changed, base));
		});
	}

	/** The timers not yet due at lesson time {@code base}. */
	private static long[] runningAfter(long[] timers, long base) {
		int keep = 0;
		for (int i = 1; i < timers.length; i += 2) {
			keep += timers[i] > base ? 1 : 0;
		}
		if (keep * 2 == timers.length) {
			return timers;
		}
		long[] running = new long[keep * 2];
		int j = 0;
		for (int i = 0; i < timers.length; i += 2) {
			if (timers[i + 1] > base) {
				running[j++] = timers[i];
				running[j++] = timers[i + 1];
			}
		}
		return running;
	}

	/**
	 * Sleeps until the timer {@code id} is due: the sleep that timer stands for. Stands still while the
	 * clock is frozen.
	 * @throws InterruptedException when the run is stopped
	 */
	public void sleepTimer(long id) throws InterruptedException {
		while (true) {
			State s = state.get();
			long until = dueOf(s, id);
			long left = until - lessonAt(s, realNow());
			if (until == Long.MIN_VALUE || left <= 0) {
				return;
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
				TimeUnit.NANOSECONDS.sleep(Math.max(1, Math.round(left / speed)));
			}
		}
	}

	/** When timer {@code id} is due (lesson ns); {@link Long#MIN_VALUE} once it is gone. */
	private static long dueOf(State s, long id) {
		long[] timers = s.timers();
		for (int i = 0; i < timers.length; i += 2) {
			if (timers[i] == id) {
				return timers[i + 1];
			}
		}
		return Long.MIN_VALUE;
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
