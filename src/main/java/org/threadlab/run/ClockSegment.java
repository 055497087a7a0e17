package org.threadlab.run;

/**
 * A piece of a run's lesson time: from real time {@code since} (ns since the run started) on, lesson
 * time is {@code base} there and then runs {@code speed} times faster than real time until it reaches
 * {@code fastUntil}, then at the rate of real time; or, {@code frozen}, stands still at {@code base}.
 * The {@link RunClock} in the server makes one at each change of what lesson time depends on; a child
 * process is sent each ({@code version} orders them) and keeps the same lesson time with it.
 * Immutable; any thread.
 */
public record ClockSegment(long version, boolean frozen, long since, long base, long fastUntil) {

	/** The segment of a run that has just started: real time, no timer. */
	static final ClockSegment START = new ClockSegment(0, false, 0, 0, 0);

	/** The lesson time at real time {@code realNs}; a real time before {@code since} counts as {@code since}. */
	public long lessonAt(long realNs, double speed) {
		if (frozen) {
			return base;
		}
		long elapsed = Math.max(0, realNs - since);
		if (fastUntil <= base) {
			return base + elapsed;
		}
		double fastReal = (fastUntil - base) / speed; // real ns the fast part lasts
		if (elapsed <= fastReal) {
			return base + Math.round(speed * elapsed);
		}
		return fastUntil + Math.round(elapsed - fastReal);
	}

	/** How fast lesson time runs at real time {@code realNs} against real time: 0 frozen, the speed, or 1. */
	public double rate(long realNs, double speed) {
		if (frozen) {
			return 0;
		}
		return lessonAt(realNs, speed) < fastUntil ? speed : 1;
	}

	/**
	 * Real nanoseconds from {@code realNs} until lesson time reaches {@code lesson}, if this segment lasts:
	 * 0 if it has, {@link Long#MAX_VALUE} while frozen.
	 */
	public long realUntil(long lesson, long realNs, double speed) {
		long now = lessonAt(realNs, speed);
		if (lesson <= now) {
			return 0;
		}
		if (frozen) {
			return Long.MAX_VALUE;
		}
		long fastLeft = Math.max(0, Math.min(lesson, fastUntil) - now);
		long slowLeft = lesson - now - fastLeft;
		return (long) Math.ceil(fastLeft / speed) + slowLeft;
	}

	/** Whether lesson time runs fast at real time {@code realNs} (so it can only slow down from there). */
	public boolean fastAt(long realNs, double speed) {
		return !frozen && lessonAt(realNs, speed) < fastUntil;
	}

}
