package org.threadlab.rooms;

import java.util.List;
import java.util.Map;

import org.threadlab.event.Event;
import org.threadlab.run.Outcome;
import org.threadlab.run.PauseGate;

/**
 * A room's run as its followers read it: what started, its events by sequence, its gate and its end.
 * On the teacher's container it is the run itself ({@link LocalFeed}); the broker-backed {@link RoomCast}
 * ({@code rooms.broker}) hands the other containers a copy it fills from the run's messages, with the same
 * reads.
 * <p>
 * Thread-safety: every method from any thread, without blocking.
 */
public interface LiveFeed {

	long runId();

	String scenario();

	double speed();

	Map<String, Object> params();

	Map<String, Object> settings();

	/**
	 * Appends the events from sequence {@code from} on, in order, at most {@code max}, stopping at the
	 * first not yet there.
	 * @return how many were appended
	 */
	int read(long from, int max, List<Event> into);

	/** Events kept so far: every sequence below it can be read (once published). */
	long kept();

	/** Changes whenever the gate (paused, who is held) changes. */
	long gateVersion();

	PauseGate.Snapshot gate();

	/** The run's outcome once it has ended; null while it goes on. */
	Outcome outcome();

	/** The lesson time now, in ns since the run started. */
	long lessonNs();

	/** How fast lesson time runs now against real time (0 while paused). */
	double rate();

}
