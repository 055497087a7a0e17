package org.threadlab.run;

/**
 * What a following {@link RunClock} (a child process's) tells the clock it follows (the parent's), in
 * the order it happens; implemented by the child's trace, which sends each as a CLOCK line at once.
 * Called by the threads whose timers and busy spells they are.
 */
public interface ClockReports {

	/** A timer of actor {@code owner} started, due at lesson time {@code due}, at real time {@code realNs}. */
	void timerStarted(long realNs, int owner, long id, long due);

	/** A timer ended (it was due, or what it waited for came first). */
	void timerEnded(long realNs, int owner, long id);

	/** This process became busy (something runs) or idle (nothing but timers and waits). */
	void busy(long realNs, boolean busy);

}
