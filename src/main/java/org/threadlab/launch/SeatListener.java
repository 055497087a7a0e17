package org.threadlab.launch;

/**
 * Hears what becomes of a request for a {@link Seat}: a run that is not ThreadLab's own (a listing under
 * CPython) waiting for room in the same fair queue. Called on the admission thread, in order: any number
 * of {@link #queued}, then at most one {@link #admitted}; never after the seat was withdrawn while it
 * waited. Must not block.
 */
public interface SeatListener {

	/** The run waits for room; its place in the queue, 1 = next. Called again when the place changes. */
	void queued(int position);

	/** The run may start now; it holds its room until {@link Seat#release()}, which it must call when it ends. */
	void admitted(Seat seat);

}
