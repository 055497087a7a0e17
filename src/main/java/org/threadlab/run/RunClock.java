package org.threadlab.run;

/**
 * A run's time: nanoseconds since it started on the monotonic clock, and its speed.
 * <p>
 * Speed 1 is the tutorial's real time; at speed 10 a 2-second sleep takes 0.2 s of real time.
 * Events carry real nanoseconds; the page multiplies by the speed to show tutorial seconds.
 * A child process gets the same start and speed, and since {@link System#nanoTime()} reads the
 * machine's monotonic clock (CLOCK_MONOTONIC on Linux), its times line up with the parent's.
 * Immutable; safe from any thread.
 */
public record RunClock(long startNanos, double speed) {

	public static RunClock startingNow(double speed) {
		return new RunClock(System.nanoTime(), speed);
	}

	public RunClock {
		if (!(speed > 0) || Double.isInfinite(speed)) {
			throw new IllegalArgumentException("speed must be a positive number, got " + speed);
		}
	}

	/** Real nanoseconds since the run started. */
	public long now() {
		return System.nanoTime() - startNanos;
	}

	/** How long, in real nanoseconds, the given tutorial seconds last at this speed. */
	public long realNanos(double tutorialSeconds) {
		return Math.round(tutorialSeconds * 1e9 / speed);
	}

	/** The tutorial seconds that the given real nanoseconds stand for at this speed. */
	public double tutorialSeconds(long realNanos) {
		return realNanos * speed / 1e9;
	}

}
