package org.threadlab.run;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.threadlab.event.Event;

/**
 * Where each process's events landed in the run's trace: a child process numbers its events itself
 * (its own {@code seq}, from 0), and its pipe reader in the parent records them under the run's
 * numbers. A cause that crosses processes (an item put by process A and got by process B) names the
 * other process's event as {@code (pid, its own seq)}; this table turns that into the run's seq.
 * <p>
 * Within one process, a cause is a plain seq of that process. In a child, a cause naming another
 * process travels as a <em>foreign</em> cause: a negative number below {@link Event#NO_CAUSE} that
 * packs the pid and the seq ({@link #foreign}), which the child's pipe sends as {@code pid:seq}.
 * <p>
 * Thread-safety: every method may be called from any thread. Each child's reader appends its own
 * process's events in order; {@link #find} may wait a short, bounded time for an event that another
 * reader has not recorded yet (it happened before, but its pipe is a little behind).
 */
public final class EventOrigins {

	private static final int SEQ_BITS = 40;

	private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

	/** Linux pids stay below 2^22 (the ceiling of pid_max), so pid and seq fit in 62 bits. */
	private static final long MAX_PID = 1L << 22;

	private final long ownPid;

	private final Map<Long, Stream> streams = new ConcurrentHashMap<>();

	EventOrigins(long ownPid) {
		this.ownPid = ownPid;
	}

	/** A cause naming event {@code seq} of process {@code pid}, to record in a child and send over its pipe. */
	public static long foreign(long pid, long seq) {
		if (pid <= 0 || pid >= MAX_PID || seq < 0 || seq > SEQ_MASK) {
			return Event.NO_CAUSE;
		}
		return -2 - ((pid << SEQ_BITS) | seq);
	}

	/** Whether a recorded cause names another process's event ({@link #foreign}). */
	public static boolean isForeign(long cause) {
		return cause < Event.NO_CAUSE;
	}

	public static long pidOf(long foreignCause) {
		return (-2 - foreignCause) >>> SEQ_BITS;
	}

	public static long seqOf(long foreignCause) {
		return (-2 - foreignCause) & SEQ_MASK;
	}

	/** A child process of the run was started: its events will land under {@code pid}. */
	public void opened(long pid) {
		streams.putIfAbsent(pid, new Stream());
	}

	/**
	 * The child {@code pid}'s event {@code localSeq} was recorded as {@code runSeq} (or not recorded:
	 * {@link Event#NO_CAUSE}). Called by that child's reader, in increasing {@code localSeq}.
	 */
	public void landed(long pid, long localSeq, long runSeq) {
		Stream stream = streams.computeIfAbsent(pid, p -> new Stream());
		stream.add(localSeq, runSeq);
	}

	/** The child {@code pid}'s pipe has ended: none of its events is still to come. */
	public void closed(long pid) {
		Stream stream = streams.get(pid);
		if (stream != null) {
			stream.close();
		}
	}

	/**
	 * The run's seq of event {@code localSeq} of process {@code pid}: at once for this process's own
	 * events and for those already recorded; else waits at most {@code waitNanos} for that process's
	 * reader to record it. {@link Event#NO_CAUSE} when it is not known (a pid not of this run, an event
	 * dropped or still missing at the deadline).
	 */
	public long find(long pid, long localSeq, long waitNanos) {
		if (pid == ownPid) {
			return localSeq;
		}
		Stream stream = streams.get(pid);
		return stream == null ? Event.NO_CAUSE : stream.find(localSeq, waitNanos);
	}

	/** One child's events: run seqs indexed by the child's own seqs. */
	private static final class Stream {

		private long[] runSeqs = new long[256];

		private int count;

		private boolean closed;

		synchronized void add(long localSeq, long runSeq) {
			if (localSeq < count || localSeq >= Integer.MAX_VALUE - 8) {
				return; // out of order or absurd: a garbled line; ignore it
			}
			int at = (int) localSeq;
			if (at >= runSeqs.length) {
				runSeqs = Arrays.copyOf(runSeqs, Math.max(runSeqs.length * 2, at + 1));
			}
			Arrays.fill(runSeqs, count, at, Event.NO_CAUSE); // events the child dropped
			runSeqs[at] = runSeq;
			count = at + 1;
			notifyAll();
		}

		synchronized void close() {
			closed = true;
			notifyAll();
		}

		synchronized long find(long localSeq, long waitNanos) {
			long deadline = System.nanoTime() + waitNanos;
			boolean interrupted = false;
			try {
				while (localSeq >= count && !closed) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						return Event.NO_CAUSE;
					}
					try {
						TimeUnit.NANOSECONDS.timedWait(this, left);
					}
					catch (InterruptedException ex) {
						interrupted = true; // a reader being torn down: give up the link, keep the interrupt
						return Event.NO_CAUSE;
					}
				}
				return localSeq < count ? runSeqs[(int) localSeq] : Event.NO_CAUSE;
			}
			finally {
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

}
