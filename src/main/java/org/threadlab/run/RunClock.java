package org.threadlab.run;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A run's time: <em>lesson time</em>, in nanoseconds since the run started, on the monotonic clock.
 * <p>
 * The speed of time scales what the lesson is about — its sleeps and its timed waits, the run's
 * <em>timers</em> — and nothing else. A timer lasts a given lesson time (a sleep's seconds, a wait's
 * timeout). The rule: lesson time runs {@code speed} times faster than real time only while nothing
 * but timers is under way — every actor of every process of the run sleeps, waits with a timeout, waits
 * for another or is held, and a timer is running — and at the rate of real time whenever anything else
 * is: an actor running code (CPU work, the machinery between its steps), a process starting or ending
 * (a JVM's start, its exit), a timer that is due and whose thread is still waking up. So a sleep of s
 * seconds spans exactly s lesson seconds at every speed, and a cost that is not the lesson's is shown as
 * the real time it takes, never multiplied into the lesson, even while another thread sleeps beside it:
 * a sleep simply lasts longer in real time while such work goes on (the lesson's clock, not the wall's,
 * measures it). While the run is paused lesson time stands still ({@link #freeze}), and so do sleeps;
 * a step with nothing to let through moves it to the next timer's due time ({@link #jump}).
 * <p>
 * The hook tells the clock who is busy ({@link #busy}) and of every timer; the clock keeps the time as
 * a {@link ClockSegment}, made anew whenever a change of those changes lesson time from then on. The server's clock <em>leads</em>: it
 * knows every process's timers and who is busy there (a child tells it on its event pipe), and sends
 * each new segment to every child process ({@link #onChange}). A child's clock <em>follows</em>
 * ({@link #followParent}): it takes the segments it is sent ({@link #follow}) and reports its own timers
 * and busy spells to the parent instead of deciding; so one lesson time runs in every process, and
 * stands still in every process while the run is paused. Since {@link System#nanoTime()} reads the
 * machine's monotonic clock (CLOCK_MONOTONIC on Linux), the real times of all processes line up.
 * <p>
 * Thread-safety: safe from any thread. The state is one immutable snapshot swapped by CAS, so reading
 * lesson time on a worker's hot path costs one volatile read and some arithmetic. Sleepers wait on a
 * real condition that each change signals.
 */
public final class RunClock {

	/** A jump of lesson time while frozen ({@link #jump}): from where, to where, whose timers are due there. */
	public record Jump(long fromNs, long toNs, List<Integer> woke) {
	}

	/** How long a timed wait waits at most before it looks at the clock again, while time could speed up. */
	private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final long startNanos;

	private final double speed;

	private final AtomicReference<ClockState> state = new AtomicReference<>(ClockState.START);

	private final AtomicLong timerIds = new AtomicLong();

	private final ReentrantLock sleepLock = new ReentrantLock();

	private final Condition changed = sleepLock.newCondition();

	private final AtomicInteger sleepers = new AtomicInteger();

	private volatile Runnable onChange = () -> {
	};

	/** Null while this clock leads; a following clock's reports to its leader. */
	private volatile ClockReports following;

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
		return state.get().segment().lessonAt(realNs, speed);
	}

	/** How fast lesson time runs now, against real time: 0 while frozen, the speed, or 1. */
	public double rate() {
		return state.get().segment().rate(realNow(), speed);
	}

	/** The segment lesson time follows now: what a child process is sent. */
	public ClockSegment segment() {
		return state.get().segment();
	}

	/** Calls {@code listener} after each change of the segment (the server's: to send it to its children). */
	public void onChange(Runnable listener) {
		this.onChange = listener;
	}

	// ---- what the hook tells it ----

	/**
	 * A timer of actor {@code owner}, {@code lessonNanos} long (a sleep's length, a wait's timeout),
	 * begins at real time {@code realNs} (ns since the start).
	 * @return the timer's id, to end it with {@link #timerEnded}
	 */
	public long timerStarted(long realNs, long lessonNanos, int owner) {
		long id = timerIds.incrementAndGet();
		long[] due = new long[1];
		change(realNs, (s, at) -> {
			due[0] = at + Math.max(1, lessonNanos);
			return s.withTimer(id, due[0], owner);
		}, 0, null);
		ClockReports reports = following;
		if (reports != null) {
			reports.timerStarted(realNs, owner, id, due[0]);
		}
		return id;
	}

	/** A timer of {@code lessonNanos} begins now, of no actor in particular (tests). */
	public long timerStarted(long realNs, long lessonNanos) {
		return timerStarted(realNs, lessonNanos, -1);
	}

	/** In the server: a timer of a child process, due at lesson time {@code due}, which the child reported. */
	public long timerDue(long realNs, long due, int owner) {
		long id = timerIds.incrementAndGet();
		change(realNs, (s, at) -> s.withTimer(id, due, owner), 0, null);
		return id;
	}

	/** The timer {@code id} ends at the given real time: it was due, or ends early. */
	public void timerEnded(long realNs, long id) {
		busy(realNs, 0, id, -1);
	}

	/**
	 * {@code delta} more (or fewer) of this process's parties are busy from real time {@code realNs} on,
	 * and timer {@code endedTimer} (if not negative) ends in the same change: a woken thread's timer ends
	 * as it becomes busy, with no moment between in which lesson time would run fast.
	 */
	public void busy(long realNs, int delta, long endedTimer, int owner) {
		ClockState before = state.get();
		change(realNs, (s, at) -> endedTimer < 0 ? s : s.withoutTimer(endedTimer), delta, null);
		ClockReports reports = following;
		if (reports != null) {
			if (endedTimer >= 0 && before.due(endedTimer) != Long.MIN_VALUE) {
				reports.timerEnded(realNs, owner, endedTimer);
			}
			if (delta != 0) {
				reportBusy(realNs, reports);
			}
		}
	}

	/** The process is ending: its machinery runs to its end, so it counts as busy from now on. */
	public void ending() {
		change(realNow(), (s, at) -> s, 0, Boolean.TRUE);
		ClockReports reports = following;
		if (reports != null) {
			reportBusy(realNow(), reports);
		}
	}

	private final Object reportLock = new Object();

	/** What the leader last heard of this process (it takes a starting process for busy); under reportLock. */
	private boolean reportedBusy = true;

	private void reportBusy(long realNs, ClockReports reports) {
		synchronized (reportLock) {
			boolean busyNow = !state.get().idle();
			if (busyNow != reportedBusy) {
				reportedBusy = busyNow;
				reports.busy(realNs, busyNow);
			}
		}
	}

	// ---- the learner's pause ----

	/** Lesson time stands still from now on (the run is paused). */
	public void freeze() {
		setFrozen(true);
	}

	/** Lesson time runs again; sleepers go on. */
	public void thaw() {
		setFrozen(false);
	}

	private void setFrozen(boolean frozen) {
		long now = realNow();
		ClockState before = state.get();
		ClockState after = state.updateAndGet(s -> {
			ClockSegment seg = s.segment();
			if (seg.frozen() == frozen) {
				return s;
			}
			long at = Math.max(now, seg.since());
			long base = seg.lessonAt(at, speed);
			return s.with(s.segmentFrom(frozen, at, base));
		});
		if (after != before) {
			changed();
		}
	}

	/**
	 * While frozen: moves lesson time to the next moment something can happen, the earliest due time of
	 * the timers running (or leaves it where it is if some are due already, their threads waking), so that
	 * their threads wake, while everything else stays where it is.
	 * @return the jump, with the actors whose timers are due; null when not frozen or no timer runs
	 */
	public Jump jump() {
		long now = realNow();
		Jump[] made = new Jump[1];
		state.updateAndGet(s -> {
			made[0] = null;
			ClockSegment seg = s.segment();
			if (!seg.frozen() || s.timers().length == 0) {
				return s;
			}
			long to = Math.max(s.earliestDue(), seg.base());
			made[0] = new Jump(seg.base(), to, s.ownersDueBy(to));
			long at = Math.max(now, seg.since());
			return s.with(new ClockSegment(seg.version() + 1, true, at, to, to));
		});
		if (made[0] != null) {
			changed();
		}
		return made[0];
	}

	// ---- a following clock (in a child process) ----

	/** Makes this clock follow its parent's: it takes the segments it is sent and reports to {@code reports}. */
	public void followParent(ClockReports reports) {
		this.following = reports;
	}

	/** Lesson time from now on, as the parent's clock sends it; an older segment than the one held is ignored. */
	public void follow(ClockSegment segment) {
		ClockState now = state.updateAndGet(s -> segment.version() > s.segment().version() ? s.with(segment) : s);
		if (now.segment() == segment) {
			changed();
		}
	}

	// ---- waits ----

	/**
	 * Sleeps until the timer {@code id} is due: the sleep that timer stands for. Stands still while the
	 * clock is frozen; wakes at once when a change (a jump, a thaw, a faster rate) makes it due sooner.
	 * @throws InterruptedException when the run is stopped
	 */
	public void sleepTimer(long id) throws InterruptedException {
		sleepers.incrementAndGet();
		try {
			while (true) {
				ClockState s = state.get();
				long due = s.due(id);
				if (due == Long.MIN_VALUE) {
					return;
				}
				long left = s.segment().realUntil(due, realNow(), speed);
				if (left <= 0) {
					return;
				}
				sleepLock.lockInterruptibly();
				try {
					if (state.get() == s) { // else it changed meanwhile: look again
						changed.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
					}
				}
				finally {
					sleepLock.unlock();
				}
			}
		}
		finally {
			sleepers.decrementAndGet();
		}
	}

	/**
	 * How long a timed wait of timer {@code id} may wait now before it looks again, in real nanoseconds:
	 * 0 once the timer is due (or gone); while lesson time could still speed up (it runs at the rate of
	 * real time, or stands still), a slice of that, so that a change makes it look again soon enough.
	 */
	public long realSliceUntilDue(long id) {
		ClockState s = state.get();
		long due = s.due(id);
		if (due == Long.MIN_VALUE) {
			return 0;
		}
		long realNow = realNow();
		ClockSegment seg = s.segment();
		long left = seg.realUntil(due, realNow, speed);
		if (left == 0 || seg.fastAt(realNow, speed)) {
			return left; // it can only slow down from here: waking early costs one more look
		}
		long lessonLeft = due - seg.lessonAt(realNow, speed);
		long atFullSpeed = (long) Math.ceil(lessonLeft / Math.max(1, speed));
		return Math.max(1, Math.min(left, Math.min(SLICE_NANOS, atFullSpeed)));
	}

	/** How long, in real nanoseconds, the given tutorial seconds last at full speed (nothing else running). */
	public long realNanos(double tutorialSeconds) {
		return Math.round(tutorialSeconds * 1e9 / speed);
	}

	/** Lesson seconds since the start: what Python's {@code time.time()} differences measure. */
	public double seconds() {
		return now() / 1e9;
	}

	// ---- the state ----

	private interface TimersChange {

		/** The state with the timers after the change, given the state before it and the lesson time {@code at}. */
		ClockState apply(ClockState before, long at);

	}

	/**
	 * Applies a change at {@code realNs}: the lesson time reached there becomes the new base, with the
	 * timers {@code timers} gives, {@code busyDelta} more busy, and ending if {@code ending} says so. A
	 * following clock keeps its segment (the parent's); a leading one keeps it too when lesson time stays
	 * the same from there on, so that nobody need hear of it.
	 */
	private void change(long realNs, TimersChange timers, int busyDelta, Boolean ending) {
		boolean follows = following != null;
		state.updateAndGet(s -> {
			ClockSegment seg = s.segment();
			long at = Math.max(realNs, seg.since());
			long base = seg.lessonAt(at, speed);
			ClockState next = timers.apply(s, base).busier(busyDelta, ending);
			if (follows) {
				return next;
			}
			ClockSegment made = next.segmentFrom(seg.frozen(), at, base);
			return ClockState.sameFrom(seg, made) ? next : next.with(made);
		});
		changed();
	}

	private void changed() {
		if (sleepers.get() > 0) {
			sleepLock.lock();
			try {
				changed.signalAll();
			}
			finally {
				sleepLock.unlock();
			}
		}
		if (following == null) {
			onChange.run();
		}
	}

	@Override
	public String toString() {
		return "RunClock[start=" + startNanos + ", speed=" + speed + "]";
	}

}
