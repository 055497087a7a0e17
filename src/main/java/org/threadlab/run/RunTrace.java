package org.threadlab.run;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.event.Recorder;

/**
 * The run's trace as this process writes it: every step stamped and recorded; a daemon's step dropped
 * once its process finalizes; what a child tells its parent alone (its clock's timers and busy spells,
 * its gate's holds, as CLOCK and GATE events); and the causes that cross between processes. The hook, the GIL and the run record through it.
 * <p>
 * A child process stamps its events with real time, which its parent turns into the run's lesson time
 * as they arrive; the server stamps lesson time ({@link Residence#stamp}).
 * <p>
 * Thread-safety: any thread may call any method. A daemon's step takes the read side of the
 * finalization lock, the main thread's EXIT its write side ({@link #finalizeWith}), so that no daemon's
 * step slips in after it; nothing else takes a lock, so recording never waits for the run's lifecycle.
 */
final class RunTrace {

	/**
	 * How long a cause naming another process's event may wait for that process's pipe to bring it: it
	 * happened before, so it is at most a few sender periods behind.
	 */
	static final long CROSS_PROCESS_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	private final RunClock clock;

	private final Recorder recorder;

	private final Residence residence;

	private final EventOrigins origins = new EventOrigins(Run.pid());

	/**
	 * Set, under the write lock, the moment the process's main thread has exited: from then on daemon
	 * threads never run another line. Their recording takes the read lock, so none of their steps can
	 * slip in after main's EXIT.
	 */
	private volatile boolean finalizing;

	private final ReentrantReadWriteLock finalizeLock = new ReentrantReadWriteLock();

	private volatile Runnable parentTold = () -> {
	};

	RunTrace(RunClock clock, Recorder recorder, Residence residence) {
		this.clock = clock;
		this.recorder = recorder;
		this.residence = residence;
	}

	/** The time an event of this process is stamped with. */
	long stamp() {
		return residence.stamp(clock);
	}

	/**
	 * Records a step of {@code actor} at the run's current time. A daemon's step made once its process
	 * finalizes is not recorded: it never happened in Python.
	 */
	long record(Actor actor, EventKind kind, String object, Object value, int line, long cause) {
		if (!actor.info().daemon()) {
			return recorder.record(stamp(), actor.id(), kind, object, value, line, cause);
		}
		Lock read = finalizeLock.readLock();
		read.lock();
		try {
			if (finalizing) {
				return Event.NO_CAUSE;
			}
			return recorder.record(stamp(), actor.id(), kind, object, value, line, cause);
		}
		finally {
			read.unlock();
		}
	}

	/** Records what the run itself says of an actor (its end, the run's end), daemon or not, without a line. */
	long recordAlways(Actor actor, EventKind kind, Object value, long cause) {
		return recorder.record(stamp(), actor.id(), kind, null, value, 0, cause);
	}

	/** Records what the watchdog found, in the lane of the actor whose step found it. */
	void recordFinding(Actor finder, Watchdog.Finding finding) {
		recorder.record(stamp(), finder.id(), finding.deadlock() ? EventKind.DEADLOCK : EventKind.HANG,
				String.join(", ", finding.objects()), finding.asValue(), 0, Event.NO_CAUSE);
	}

	/** Runs {@code exit} (the main thread's EXIT) and marks the process finalizing, as one step for daemons. */
	long finalizeWith(LongSupplier exit) {
		Lock write = finalizeLock.writeLock();
		write.lock();
		try {
			long seq = exit.getAsLong();
			finalizing = true;
			return seq;
		}
		finally {
			write.unlock();
		}
	}

	/** Whether the process's main thread has exited: daemon threads go no further. */
	boolean isFinalizing() {
		return finalizing;
	}

	/**
	 * In a child process: what its clock reports to the parent's, which keeps the run's lesson time, as
	 * CLOCK events sent at once: a timer's start (object {@code timer:<id>}, value its due lesson time,
	 * actor its owner), its end (value -1), and the process's busy spells (object {@code busy}, value 1
	 * or 0).
	 */
	ClockReports parentReports() {
		return new ClockReports() {

			@Override
			public void timerStarted(long realNs, int owner, long id, long due) {
				tellParent(realNs, owner, EventKind.CLOCK, "timer:" + id, due, 0);
			}

			@Override
			public void timerEnded(long realNs, int owner, long id) {
				tellParent(realNs, owner, EventKind.CLOCK, "timer:" + id, -1L, 0);
			}

			@Override
			public void busy(long realNs, boolean busy) {
				tellParent(realNs, 0, EventKind.CLOCK, "busy", busy ? 1L : 0L, 0);
			}

		};
	}

	/** Real nanoseconds since the run started, what a child stamps its events with. */
	long stampReal() {
		return clock.realNow();
	}

	/** In a child: records an event for the parent alone (CLOCK, GATE) and sends it at once. */
	void tellParent(long realNs, int actor, EventKind kind, String object, Object value, int line) {
		recorder.record(realNs, Math.max(0, actor), kind, object, value, line, Event.NO_CAUSE);
		parentTold.run();
	}

	/** In a child: records the WAITS event of an actor that waits for ever on {@code object}, for the parent's watchdog. */
	void tellParentOfWait(Actor actor, String object) {
		recorder.record(stamp(), actor.id(), EventKind.WAITS, object, null, 0, Event.NO_CAUSE);
		parentTold.run();
	}

	/** What sends what was recorded to the parent now (a child's event sender); set before the run starts. */
	void onParentTold(Runnable send) {
		this.parentTold = send;
	}

	/** Sends what was recorded to the parent now, if there is one to send it to. Never blocks. */
	void sendSoon() {
		parentTold.run();
	}

	/**
	 * A cause naming event {@code seq} as process {@code pid} numbered it, for an event recorded in this
	 * process: the seq itself for this process's own events; in a child, a foreign cause that the pipe
	 * carries to the parent ({@link EventOrigins#foreign}); in the server, the run's seq of that event,
	 * waiting a moment if its pipe has not brought it yet ({@link Event#NO_CAUSE} if it never comes).
	 */
	long causeOf(long pid, long seq) {
		if (seq < 0) {
			return Event.NO_CAUSE;
		}
		if (pid == Run.pid()) {
			return seq;
		}
		return residence.foreignCause(origins, pid, seq);
	}

	/** Where the events of this run's child processes landed in its trace; their pipe readers fill it. */
	EventOrigins origins() {
		return origins;
	}

}
