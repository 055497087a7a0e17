package org.threadlab.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a run's lesson time depends on, as one immutable value that {@link RunClock} swaps: the
 * segment lesson time follows now, the timers running ({@code id, due, owner} triples, due in lesson
 * ns), how many parties are busy, and whether the process is ending (its machinery runs to its end:
 * busy). Any thread.
 */
record ClockState(ClockSegment segment, long[] timers, int busy, boolean ending) {

	static final ClockState START = new ClockState(ClockSegment.START, new long[0], 0, false);

	/** Nothing but timers and waits is under way. */
	boolean idle() {
		return busy <= 0 && !ending;
	}

	ClockState with(ClockSegment segment) {
		return new ClockState(segment, timers, busy, ending);
	}

	ClockState withTimer(long id, long due, int owner) {
		long[] more = Arrays.copyOf(timers, timers.length + 3);
		more[timers.length] = id;
		more[timers.length + 1] = due;
		more[timers.length + 2] = owner;
		return new ClockState(segment, more, busy, ending);
	}

	ClockState withoutTimer(long id) {
		for (int i = 0; i < timers.length; i += 3) {
			if (timers[i] == id) {
				long[] fewer = new long[timers.length - 3];
				System.arraycopy(timers, 0, fewer, 0, i);
				System.arraycopy(timers, i + 3, fewer, i, timers.length - i - 3);
				return new ClockState(segment, fewer, busy, ending);
			}
		}
		return this;
	}

	ClockState busier(int delta, Boolean nowEnding) {
		return new ClockState(segment, timers, busy + delta, nowEnding != null ? nowEnding : ending);
	}

	/** When timer {@code id} is due (lesson ns); {@link Long#MIN_VALUE} once it is gone. */
	long due(long id) {
		for (int i = 0; i < timers.length; i += 3) {
			if (timers[i] == id) {
				return timers[i + 1];
			}
		}
		return Long.MIN_VALUE;
	}

	/** The earliest due time of the timers running; {@link Long#MAX_VALUE} with none. */
	long earliestDue() {
		long earliest = Long.MAX_VALUE;
		for (int i = 1; i < timers.length; i += 3) {
			earliest = Math.min(earliest, timers[i]);
		}
		return earliest;
	}

	/** The owners of the timers due by lesson time {@code by}. */
	List<Integer> ownersDueBy(long by) {
		List<Integer> owners = new ArrayList<>();
		for (int i = 1; i < timers.length; i += 3) {
			if (timers[i] <= by) {
				owners.add((int) timers[i + 1]);
			}
		}
		return List.copyOf(owners);
	}

	/**
	 * The segment from real time {@code at} (lesson time {@code base}) on, given these timers and who is
	 * busy: fast until the earliest timer is due, if nothing else is under way (then its thread waking up
	 * is busy); else the rate of real time.
	 */
	ClockSegment segmentFrom(boolean frozen, long at, long base) {
		long earliest = earliestDue();
		long fastUntil = idle() && earliest != Long.MAX_VALUE && earliest > base ? earliest : base;
		return new ClockSegment(segment.version() + 1, frozen, at, base, fastUntil);
	}

	/** Whether {@code made}, which starts on {@code old}, gives the same lesson time as {@code old} from its start on. */
	static boolean sameFrom(ClockSegment old, ClockSegment made) {
		if (old.frozen() != made.frozen()) {
			return false;
		}
		if (made.frozen()) {
			return old.base() == made.base();
		}
		boolean fastMade = made.fastUntil() > made.base();
		boolean fastOld = old.fastUntil() > made.base(); // made.base() is old's lesson time at made's start
		return fastMade ? fastOld && old.fastUntil() == made.fastUntil() : !fastOld;
	}

}
