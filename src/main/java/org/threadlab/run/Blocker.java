package org.threadlab.run;

import java.util.List;

/**
 * What an actor waits on, as the {@link Watchdog} sees it: a lock, a condition, a queue, a thread to
 * join. Its methods are called only under the watchdog's lock, and read the state that primitives
 * change under that same lock ({@link Watchdog#change}).
 */
public interface Blocker {

	/** The object's name on the timeline ("lock a", "cond"). */
	String name();

	/**
	 * Whether the waiter could go on now without anyone else's help: the lock is free, a notify is
	 * pending, the queue has an item. When in doubt, true: the watchdog must never call a wait stuck
	 * that is not.
	 */
	boolean canProceed(Actor waiter);

	/** The actors whose release would let the waiter go on: a lock's owner. For the wait-for graph. */
	default List<Actor> holders() {
		return List.of();
	}

	/**
	 * Whether only its holders can let the waiter go on. An RLock's owner alone can release it; a plain
	 * Lock may be released by any thread, so a cycle through one is a deadlock only once no other
	 * thread is left running that might release it.
	 */
	default boolean releasedOnlyByHolders() {
		return true;
	}

}
