package org.threadlab.event;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The append-only trace of one run. Any number of threads may {@link #record} at once; any number of
 * threads may {@link #read} at once, each with its own cursor.
 * <p>
 * Recording is lock-free and wait-free apart from one rare allocation: it claims a sequence number with
 * one {@code getAndIncrement}, builds the event and publishes it with a release store into a chunk of
 * slots. It never blocks, does no I/O and never waits for a reader. Readers see events strictly in
 * sequence order: a reader stops at the first slot whose writer has claimed it but not yet published
 * it, and picks it up on its next read. So nothing is lost and nothing is seen out of order.
 * <p>
 * The trace is bounded by {@code capacity}; events past it are counted in {@link #dropped()} and not kept.
 */
public final class Recorder {

	private static final int CHUNK_BITS = 12;

	private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

	private static final int CHUNK_MASK = CHUNK_SIZE - 1;

	private final long capacity;

	private final AtomicLong next = new AtomicLong();

	private final AtomicReferenceArray<AtomicReferenceArray<Event>> chunks;

	public Recorder(long capacity) {
		if (capacity < 1 || capacity > (long) Integer.MAX_VALUE * CHUNK_SIZE) {
			throw new IllegalArgumentException("capacity out of range: " + capacity);
		}
		this.capacity = capacity;
		this.chunks = new AtomicReferenceArray<>((int) ((capacity + CHUNK_SIZE - 1) >>> CHUNK_BITS));
	}

	/**
	 * Records one event; safe from any thread.
	 * @return the event's sequence number, or -1 when the trace is full and the event was dropped
	 */
	public long record(long timeNs, int actor, EventKind kind, String object, Object value, int line, long cause) {
		long seq = next.getAndIncrement();
		if (seq >= capacity) {
			return -1;
		}
		chunk((int) (seq >>> CHUNK_BITS)).setRelease((int) (seq & CHUNK_MASK),
				new Event(seq, timeNs, actor, kind, object, value, line, cause));
		return seq;
	}

	/**
	 * Appends to {@code into} the published events from sequence {@code from} on, in order, at most
	 * {@code max} of them, stopping at the first one not yet published.
	 * @return how many were appended; the caller's next {@code from} is {@code from} plus this
	 */
	public int read(long from, int max, List<Event> into) {
		long end = Math.min(next.get(), capacity);
		int count = 0;
		for (long seq = from; seq < end && count < max; seq++) {
			AtomicReferenceArray<Event> chunk = chunks.getAcquire((int) (seq >>> CHUNK_BITS));
			Event event = chunk == null ? null : chunk.getAcquire((int) (seq & CHUNK_MASK));
			if (event == null) {
				break;
			}
			into.add(event);
			count++;
		}
		return count;
	}

	/** How many events were claimed so far, kept or dropped. */
	public long claimed() {
		return next.get();
	}

	/** How many events did not fit in the trace. */
	public long dropped() {
		return Math.max(0, next.get() - capacity);
	}

	public long capacity() {
		return capacity;
	}

	private AtomicReferenceArray<Event> chunk(int index) {
		AtomicReferenceArray<Event> chunk = chunks.getAcquire(index);
		if (chunk == null) {
			AtomicReferenceArray<Event> fresh = new AtomicReferenceArray<>(CHUNK_SIZE);
			chunk = chunks.compareAndExchange(index, null, fresh);
			if (chunk == null) {
				chunk = fresh;
			}
		}
		return chunk;
	}

}
