package org.threadlab.run;

/**
 * A non-daemon thread or a child process: Python's interpreter does not end while one runs, so the
 * run's main actor joins each of them after the main program returns, as {@code threading._shutdown} does.
 */
public interface KeepsProcessAlive {

	boolean isAlive();

	/** Waits, as a traced join of the calling actor, until it has ended. */
	void join() throws InterruptedException;

}
