package org.threadlab.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;

/**
 * The emulated global interpreter lock of one process, as CPython's works: only the thread holding it
 * runs Python code. Once a thread wants it, the holder is asked to drop it when it has held it a switch
 * interval (CPython: 5 ms) without a switch, and does so at its next switch point, then waits until
 * another thread has taken it before it may take it back (CPython's forced switching). Every blocking
 * call drops it before blocking and takes it back after.
 * <p>
 * The interval is measured in the holder's own running — its CPU time — where CPython measures it on
 * the wall clock. On an idle machine the two agree; on a loaded one (two cores, a room of learners) the
 * wall clock would let a thread the OS has not scheduled lose the GIL before it ran a single line, and
 * the order of a lesson would depend on the load. Measured in CPU time, the holder runs its interval
 * before it is asked to let go, in every run. Who measures it and asks is the JVM's {@link SwitchTimer},
 * not the waiters, which sleep until the GIL is free (and then one of them, the longest waiting, is
 * woken): so only the holder of a GIL is ever runnable, and threads taking turns get from the OS the
 * share of one thread, whatever the machine's load.
 * <p>
 * Which steps are switch points is a setting: CPython up to 3.9 could switch between almost any two
 * bytecodes, so between the read and the write of {@code total += 1}; from 3.10 on it switches only at
 * loop back-edges and calls, so {@code total += 1} in a loop is all but never torn.
 * <p>
 * Off, it does nothing: the JVM's threads run in parallel, like free-threaded CPython.
 * <p>
 * Thread-safety: all state is guarded by one {@link ReentrantLock}; the fast path of a switch point
 * that need not switch reads one volatile field. Waiters wait on {@code free}, signalled one at a time
 * as CPython's {@code gil->cond}; a holder that dropped it when asked waits there too, from the moment it
 * dropped it (where CPython first waits on {@code switch_cond} for another to take it, then asks again).
 */
public final class Gil {

	/** Where the GIL may change hands. */
	public enum SwitchPoint {
		/** a call into the runtime: any probe operation */
		CALL,
		/** the back-edge of a loop */
		BACK_EDGE,
		/** a step the size of one bytecode, such as the read or the write of a shared value */
		BYTECODE
	}

	/** Which steps are switch points. */
	public enum Mode {
		/** CPython up to 3.9: between any two bytecodes. */
		EVERY_BYTECODE,
		/** CPython 3.10 and later: at loop back-edges and calls. */
		BACK_EDGES_AND_CALLS
	}

	/** The object name of the GIL's events. */
	public static final String NAME = "GIL";

	private static final Gil OFF = new Gil(null, 0, Mode.BACK_EDGES_AND_CALLS, false);

	private final Run run;

	private final long intervalNanos;

	private final Mode mode;

	private final boolean on;

	private final ReentrantLock lock = new ReentrantLock();

	/** Signalled, one waiter at a time, when the GIL is dropped. */
	private final Condition free = lock.newCondition();


	// guarded by lock
	private Actor holder;

	/** The holder's thread, whose CPU time tells how long it has run. */
	private long holderThreadId;

	private long switches;

	private int waiting;

	/** The holder's CPU time when its interval began: when it took the GIL, or when a first waiter came. */
	private long intervalStart;

	/** Whether the {@link SwitchTimer} has a check of this GIL to come. */
	private boolean timerArmed;

	/** Set by a waiter whose interval ran out; read without the lock on the fast path. */
	private volatile boolean dropRequested;

	private Gil(Run run, long intervalNanos, Mode mode, boolean on) {
		this.run = run;
		this.intervalNanos = intervalNanos;
		this.mode = mode;
		this.on = on;
	}

	public static Gil off() {
		return OFF;
	}

	/** The switch interval is real time, as CPython's: CPU work does not follow the run's speed. */
	public static Gil on(Run run, double switchIntervalSeconds, Mode mode) {
		return new Gil(run, Math.max(1000, Math.round(switchIntervalSeconds * 1e9)), mode, true);
	}


	/** How a child process is told to emulate a GIL like this one: "off", or "interval-seconds:MODE". */
	public String describe() {
		return on ? (intervalNanos / 1e9) + ":" + mode.name() : "off";
	}

	/** Sets up in {@code run} the GIL that {@link #describe} described. */
	public static void useDescribed(Run run, String description) {
		if (!"off".equals(description)) {
			String[] parts = description.split(":", 2);
			run.useGil(Double.parseDouble(parts[0]), Mode.valueOf(parts[1]));
		}
	}

	/** Whether a held step of this kind may let go of the GIL: a switch point of the emulated Python. */
	boolean isSwitchPoint(SwitchPoint point) {
		return on && (point != SwitchPoint.BYTECODE || mode == Mode.EVERY_BYTECODE);
	}

	/** Whether {@code actor} holds the GIL now. */
	boolean isHeldBy(Actor actor) {
		if (!on) {
			return false;
		}
		lock.lock();
		try {
			return holder == actor;
		}
		finally {
			lock.unlock();
		}
	}

	/** Takes the GIL for {@code actor}, waiting for it as CPython's take_gil does. Not while the run stops. */
	void acquire(Actor actor) {
		if (!on || run.isCancelled()) {
			return;
		}
		lock.lock();
		try {
			if (holder == actor || (holder != null && !awaitFree(actor, -1))) {
				return;
			}
			take(actor);
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Waits as a waiter until the GIL is free for {@code actor}; for a thread that has just dropped it when
	 * asked ({@code droppedAt}, the switch count then; else -1), until another thread has taken it since,
	 * or nobody else wants it any more (CPython's forced switching). Asleep all along but for the wake-ups
	 * that hand it the GIL: a wake-up that is not its turn is passed on. Under the lock.
	 * @return whether to take the GIL now; false if the run stops or the thread was interrupted
	 */
	private boolean awaitFree(Actor actor, long droppedAt) {
		record(actor, EventKind.GIL_REQUEST);
		if (waiting++ == 0 && holder != null) {
			intervalStart = HolderTime.of(holderThreadId); // the holder's interval starts now
		}
		armTimer();
		boolean taking = false;
		boolean woken = false;
		try {
			while (!run.isCancelled()) {
				if (holder == null) {
					if (switches != droppedAt || waiting == 1) {
						taking = true;
						break;
					}
					if (woken) {
						free.signal(); // free, but another's turn first
					}
				}
				free.await();
				woken = true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // the run is stopping: go on without the GIL
		}
		finally {
			waiting--;
			if (!taking && holder == null && waiting > 0) {
				free.signal(); // the wake-up this thread had, if it had one, is another's
			}
		}
		return taking;
	}

	private void take(Actor actor) {
		holder = actor;
		holderThreadId = Thread.currentThread().getId();
		switches++;
		if (waiting > 0) {
			intervalStart = HolderTime.of(holderThreadId); // others wait: its interval starts now
		}
		record(actor, EventKind.GIL_TAKEN);
	}

	/** Drops the GIL if {@code actor} holds it (before a blocking call, at its end, when asked). */
	void release(Actor actor) {
		if (!on) {
			return;
		}
		lock.lock();
		try {
			if (holder == actor) {
				holder = null;
				dropRequested = false;
				record(actor, EventKind.GIL_DROPPED);
				free.signal();
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** Hands the GIL over here if a waiter asked for it and this kind of step is a switch point. */
	void switchPoint(Actor actor, SwitchPoint point) {
		if (!on || !dropRequested || (point == SwitchPoint.BYTECODE && mode != Mode.EVERY_BYTECODE)) {
			return;
		}
		lock.lock();
		try {
			if (holder != actor || !dropRequested) {
				return;
			}
			long before = switches;
			release(actor);
			if (awaitFree(actor, before)) {
				take(actor);
			}
		}
		finally {
			lock.unlock();
		}
	}

	private void record(Actor actor, EventKind kind) {
		// Without a source line: the GIL is not a line of the program. Through the run, which records nothing
		// of a daemon once its process finalizes: CPython's finalizing main keeps the GIL, and a daemon that
		// asks for it then never gets it.
		run.trace().record(actor, kind, NAME, null, 0, Event.NO_CAUSE);
	}

	/** Wakes every thread waiting on the GIL: the run is stopping and nobody waits for it any more. */
	void wakeAll() {
		if (!on) {
			return;
		}
		lock.lock();
		try {
			free.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/** Has the {@link SwitchTimer} check this GIL, unless it will already. Under the lock. */
	private void armTimer() {
		if (!timerArmed) {
			timerArmed = true;
			SwitchTimer.watch(this, intervalNanos);
		}
	}

	/**
	 * The {@link SwitchTimer}'s look at this GIL, as a CPython waiter's when its timed wait runs out: if the
	 * holder has run a whole interval (of its CPU time) since it began, it is asked to drop the GIL.
	 * @return in how many nanoseconds to look again, or -1 if nobody waits any more (the timer is disarmed)
	 */
	long checkInterval() {
		lock.lock();
		try {
			if (waiting == 0 || run.isCancelled()) {
				timerArmed = false;
				return -1;
			}
			if (holder == null) {
				return intervalNanos; // being handed over: the next holder's interval starts when it takes it
			}
			long ran = HolderTime.of(holderThreadId) - intervalStart;
			if (ran >= intervalNanos) {
				dropRequested = true; // it ran a whole interval without a switch: ask it
				return intervalNanos;
			}
			return intervalNanos - ran; // it cannot have run its interval sooner
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * How long a thread has run: its CPU time where the JVM can tell (it can on Linux, macOS and Windows),
	 * else the wall clock. Called by a waiter once per interval, never on the holder's path.
	 */
	private static final class HolderTime {

		private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

		private static final boolean CPU = THREADS.isThreadCpuTimeSupported() && enable();

		private static boolean enable() {
			try {
				if (!THREADS.isThreadCpuTimeEnabled()) {
					THREADS.setThreadCpuTimeEnabled(true);
				}
				return THREADS.isThreadCpuTimeEnabled();
			}
			catch (UnsupportedOperationException | SecurityException ex) {
				return false;
			}
		}

		static long of(long threadId) {
			if (CPU) {
				long cpu = THREADS.getThreadCpuTime(threadId);
				if (cpu >= 0) {
					return cpu;
				}
			}
			return System.nanoTime();
		}

	}

}
