package org.threadlab.probe;

import org.threadlab.run.Actor;

/**
 * A {@link TracedLock} or {@link TracedRLock}: what a {@link TracedCondition} is built on. The
 * save/restore pair is CPython's {@code _release_save}/{@code _acquire_restore}: a wait lets go of the
 * lock entirely (an RLock held twice is released twice) and takes it back as it was.
 */
public sealed interface LockLike permits TracedLock, TracedRLock {

	String name();

	void acquire() throws InterruptedException;

	void release();

	/** Whether {@code actor} holds it (for a plain Lock: whether it took it and has not let go). */
	boolean isOwnedBy(Actor actor);

	/** Releases the lock completely for a condition's wait; returns what restoring needs. */
	int releaseSave();

	/** Takes the lock back after a condition's wait, as {@link #releaseSave} left it. */
	void acquireRestore(int saved) throws InterruptedException;

}
