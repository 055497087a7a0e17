package org.threadlab.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The events one thread recorded, in the order it recorded them (so in increasing sequence), packed
 * into segments that grow from {@value #FIRST_SEGMENT} entries to {@value #LARGEST_SEGMENT}: a thread
 * that records little costs little, one that records much lands in large arrays the garbage collector
 * leaves where they are. Each entry is four longs (sequence, time, cause, then actor, line and kind
 * packed) and two references (object, value).
 * <p>
 * Single writer: only its thread appends. Any number of readers: an entry below {@link #published()}
 * is complete and visible to them (a release store on append, an acquire load on read).
 */
final class Lane {

	static final int FIRST_SEGMENT = 256;

	static final int LARGEST_SEGMENT = 1 << 16;

	private static final EventKind[] KINDS = EventKind.values();

	private static final VarHandle PUBLISHED;

	static {
		try {
			PUBLISHED = MethodHandles.lookup().findVarHandle(Lane.class, "published", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final class Segment {

		final int first;

		final long[] longs;

		final Object[] refs;

		Segment(int first, int size) {
			this.first = first;
			this.longs = new long[size * 4];
			this.refs = new Object[size * 2];
		}

		int size() {
			return refs.length / 2;
		}

	}

	/** Replaced (grown) only by the writer, before it publishes an entry that lives in a new segment. */
	private volatile Segment[] segments = new Segment[0];

	@SuppressWarnings("unused") // written and read through PUBLISHED
	private int published;

	// writer-only state
	private Segment tail;

	private int size;

	/** Writer only: makes sure the next append has a slot, so that append itself cannot fail. */
	void makeRoom() {
		if (tail == null || size - tail.first == tail.size()) {
			grow();
		}
	}

	/** Writer only, after {@link #makeRoom()}: cannot fail, so a claimed sequence number is always published. */
	void append(long seq, long timeNs, int actor, EventKind kind, String object, Object value, int line, long cause) {
		Segment segment = tail;
		int i = size - segment.first;
		long[] longs = segment.longs;
		longs[4 * i] = seq;
		longs[4 * i + 1] = timeNs;
		longs[4 * i + 2] = cause;
		longs[4 * i + 3] = ((long) actor << 32) | ((long) (Math.max(0, line) & 0xFFFFFF) << 8) | kind.ordinal();
		segment.refs[2 * i] = object;
		segment.refs[2 * i + 1] = value;
		size++;
		PUBLISHED.setRelease(this, size);
	}

	private void grow() {
		int next = tail == null ? FIRST_SEGMENT : Math.min(tail.size() * 2, LARGEST_SEGMENT);
		Segment segment = new Segment(size, next);
		Segment[] grown = Arrays.copyOf(segments, segments.length + 1);
		grown[grown.length - 1] = segment;
		segments = grown;
		tail = segment;
	}

	/** How many entries are complete; entries below it may be read by any thread. */
	int published() {
		return (int) PUBLISHED.getAcquire(this);
	}

	/** A reader's view of the entries published so far. */
	View view() {
		int count = published();
		return new View(segments, count);
	}

	/** Entries {@code 0..count-1} of a lane, for one reader. Not thread-safe: one reader uses it. */
	static final class View {

		private final Segment[] segments;

		private final int count;

		private int position;

		private int segmentIndex;

		View(Segment[] segments, int count) {
			this.segments = segments;
			this.count = count;
		}

		/** Moves to the first entry whose sequence is at least {@code seq}. */
		void seek(long seq) {
			int low = 0;
			int high = count;
			while (low < high) {
				int mid = (low + high) >>> 1;
				if (seqAt(mid) < seq) {
					low = mid + 1;
				}
				else {
					high = mid;
				}
			}
			position = low;
		}

		/** The sequence of the current entry, or -1 past the last one. */
		long current() {
			return position < count ? seqAt(position) : -1;
		}

		Event take() {
			Segment s = segmentOf(position++);
			int i = position - 1 - s.first;
			long packed = s.longs[4 * i + 3];
			return new Event(s.longs[4 * i], s.longs[4 * i + 1], (int) (packed >>> 32), KINDS[(int) (packed & 0xFF)],
					(String) s.refs[2 * i], s.refs[2 * i + 1], (int) ((packed >>> 8) & 0xFFFFFF), s.longs[4 * i + 2]);
		}

		private long seqAt(int index) {
			Segment s = segmentOf(index);
			return s.longs[4 * (index - s.first)];
		}

		private Segment segmentOf(int index) {
			Segment s = segments[segmentIndex];
			if (index >= s.first && index < s.first + s.size()) {
				return s;
			}
			for (int k = 0; k < segments.length; k++) {
				s = segments[k];
				if (index >= s.first && index < s.first + s.size()) {
					segmentIndex = k;
					return s;
				}
			}
			throw new IndexOutOfBoundsException(index);
		}

	}

}
