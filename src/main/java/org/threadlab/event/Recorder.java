package org.threadlab.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The append-only trace of one run. Any number of threads may {@link #record} at once; any number of
 * threads may {@link #read} at once, each with its own cursor.
 * <p>
 * Recording is lock-free and shares nothing between recording threads but one counter: it claims a
 * sequence number with one {@code getAndIncrement}, then appends the event to the calling thread's own
 * {@link Lane} (packed primitive arrays that no other thread writes, so there is no false sharing and
 * no object to allocate per event) and publishes it with a release store. It never blocks, does no I/O
 * and never waits for a reader. A thread finds its lane through a {@link ThreadLocal}, the cheapest
 * lookup there is; the lane goes with the thread. Only threads of a run record into its recorder,
 * and they all end with the run, so no lane outlives it.
 * <p>
 * Readers merge the lanes by sequence number, so they see events strictly in sequence order: a reader
 * stops at the first number claimed but not yet published and picks it up on its next read. Nothing
 * is lost and nothing is seen out of order; readers build the {@link Event} objects.
 * <p>
 * The trace is bounded by {@code capacity}; events past it are counted in {@link #dropped()} and not kept.
 */
public final class Recorder {

	/** Longs on each side of the counter: 128 bytes, two cache lines, so nothing else shares its line. */
	private static final int PAD = 16;

	private final long capacity;

	/**
	 * The next sequence number, in the middle of an array of its own. Every record of every thread
	 * claims it, so its cache line moves between cores all the time; what each record only reads (this
	 * recorder's fields, the lanes' thread-local) must not be on that line too.
	 */
	private final AtomicLongArray next = new AtomicLongArray(2 * PAD + 1);

	private final ThreadLocal<Lane> laneOfThread = ThreadLocal.withInitial(this::newLane);

	private final List<Lane> lanes = new CopyOnWriteArrayList<>();

	public Recorder(long capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive: " + capacity);
		}
		this.capacity = capacity;
	}

	/**
	 * Records one event; safe from any thread.
	 * @return the event's sequence number, or -1 when the trace is full and the event was dropped
	 */
	public long record(long timeNs, int actor, EventKind kind, String object, Object value, int line, long cause) {
		Lane lane = laneOfThread.get();
		lane.makeRoom(); // may allocate, so before the claim: a claimed number must always be published
		long seq = next.getAndIncrement(PAD);
		if (seq >= capacity) {
			return -1;
		}
		lane.append(seq, timeNs, actor, kind, object, value, line, cause);
		return seq;
	}

	private Lane newLane() {
		Lane lane = new Lane();
		lanes.add(lane);
		return lane;
	}

	/**
	 * Appends to {@code into} the published events from sequence {@code from} on, in order, at most
	 * {@code max} of them, stopping at the first one not yet published.
	 * @return how many were appended; the caller's next {@code from} is {@code from} plus this
	 */
	public int read(long from, int max, List<Event> into) {
		Lane.View[] views = lanes.stream().map(Lane::view).toArray(Lane.View[]::new);
		for (Lane.View view : views) {
			view.seek(from);
		}
		long end = Math.min(next.get(PAD), capacity);
		int taken = 0;
		long seq = from;
		next: while (taken < max && seq < end) {
			for (Lane.View view : views) {
				if (view.current() == seq) {
					into.add(view.take());
					seq++;
					taken++;
					continue next;
				}
			}
			break; // seq is claimed but not published yet
		}
		return taken;
	}

	/** How many events were claimed so far, kept or dropped. */
	public long claimed() {
		return next.get(PAD);
	}

	/** How many events did not fit in the trace. */
	public long dropped() {
		return Math.max(0, next.get(PAD) - capacity);
	}

	public long capacity() {
		return capacity;
	}

}
