package org.threadlab.event;

/**
 * One recorded step of a run. Immutable, so it may be handed to any thread once recorded.
 *
 * @param seq    position in the run's trace, from 0, without gaps
 * @param timeNs nanoseconds since the run started, on the monotonic clock ({@link System#nanoTime()})
 * @param actor  id of the thread or process that did it (see {@link ActorInfo})
 * @param kind   what it did
 * @param object the object it did it to (a lock's name, the joined actor's id, ...), or null
 * @param value  a small value: text, a number, a boolean, an {@link ActorInfo}, an outcome; or null
 * @param line   the line of the scenario's Java listing that did it, or 0 when unknown
 * @param cause  seq of the event that made this one possible (the EXIT that ended a JOIN), or -1
 */
public record Event(long seq, long timeNs, int actor, EventKind kind, String object, Object value, int line,
		long cause) {

	public static final long NO_CAUSE = -1;

}
