package org.threadlab.run;

/**
 * A timed step's real wait, given in slices by {@link Hook#awaitTimed}: waits at most the real
 * nanoseconds given (0: one look) and says whether what it waits for came. Called by the waiting actor.
 */
@FunctionalInterface
public interface TimedWait {

	boolean await(long realNanos) throws InterruptedException;

}
