package org.threadlab.run;

/**
 * What a run tells one of its child processes, which keep the run's lesson time and its pause with it:
 * each new {@link ClockSegment} of the run's clock, and the learner's pause, resume and step (a step
 * names a hold the child reported). Implemented over the child's command pipe
 * ({@code org.threadlab.childjvm}); never blocks for long (a line on a pipe), and a child that is gone is
 * simply not told.
 * <p>
 * Thread-safety: any thread may call any method; each call sends its line whole.
 */
public interface Remote {

	/** The first word, before anything else: lesson time as it is now, and whether the run is paused. */
	void sync(ClockSegment segment, boolean paused);

	/** Lesson time from now on. */
	void clock(ClockSegment segment);

	/** Pause ({@code true}: hold every thread at its next step) or resume. */
	void paused(boolean paused);

	/** Lets the step held as {@code hold} (the child's number) through. */
	void step(long hold);

	/** The process has ended: nothing more is sent. */
	void close();

}
