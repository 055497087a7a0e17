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

	/** What kind of wait it is, for the words a page builds: "lock", "join", "result", "condition", "queue". */
	default String kind() {
		return "lock";
	}

	/**
	 * Whether the waiter could go on now without anyone else's help: the lock is free, a notify is
	 * pending, the queue has an item. When in doubt, true: the watchdog must never call a wait stuck
	 * that is not.
	 */
	boolean canProceed(Actor waiter);

	/**
	 * The actor that must act to let the waiter go on, for the wait-for graph: a lock's holder, the
	 * thread a join waits for, the worker running the task whose result is awaited. Empty when nobody in
	 * particular (a queue's item may come from anyone).
	 */
	default List<Actor> holders() {
		return List.of();
	}

	/** Whether any thread, not only its holder, may let the waiter go on: a plain Lock's release. */
	default boolean anyoneMayRelease() {
		return false;
	}

	/**
	 * Whether another process may have ended the wait without this one having heard yet (a child's events
	 * come some milliseconds after they happen): a hang that rests on such a wait is reported only once it
	 * has held, with nothing changed, for {@link Watchdog#CONFIRM_MILLIS}.
	 */
	default boolean heardLate() {
		return false;
	}

}
