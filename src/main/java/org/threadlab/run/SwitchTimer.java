package org.threadlab.run;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * The one thread of a JVM that asks the holder of a {@link Gil} to let go once it has run a switch
 * interval while another thread waits: what every waiting thread of CPython does itself with its timed
 * wait, done here for every GIL of the JVM, so that the waiting threads sleep until the GIL is theirs.
 * <p>
 * Why not the waiters themselves: a waiter that wakes every interval to look is, on a loaded machine, a
 * runnable thread queued for a core each time, and Linux's scheduler (EEVDF) credits a thread with the
 * time it waited runnable and lets it catch up once it runs. Threads taking turns at the GIL, each
 * queued to look while another computed, so spent that credit computing when their turn came, and got
 * together up to twice the share of the machine that one thread computing alone gets: under load,
 * {@code cpu-bound}'s GIL-bound threads beat its serial work (by ×1.4 to ×5.8). Looked at from here, no
 * thread of a GIL is runnable but its holder, as in CPython, and threads under the GIL take as long as
 * one thread doing the same work, whatever the load.
 * <p>
 * Thread-safety: {@link #watch} from any thread, once per GIL until its check says it is done; the checks
 * run on this class's thread ({@value #THREAD_NAME}, a daemon started on first use), never holding its
 * queue while a GIL's lock is taken.
 */
final class SwitchTimer {

	static final String THREAD_NAME = "threadlab-gil-timer";

	/** The shortest wait between two checks of one GIL, so that a holder just short of its interval is not polled. */
	private static final long SHORTEST_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

	/** A GIL's next check, due at a moment of {@link System#nanoTime()}. */
	private record Due(Gil gil, long atNanos) implements Delayed {

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(atNanos, ((Due) other).atNanos);
		}

	}

	private static final DelayQueue<Due> DUE = new DelayQueue<>();

	private static Thread thread; // guarded by SwitchTimer.class

	private SwitchTimer() {
	}

	/** Checks {@code gil} in {@code nanos}, and again for as long as {@link Gil#checkInterval} asks to. */
	static void watch(Gil gil, long nanos) {
		start();
		DUE.put(new Due(gil, System.nanoTime() + Math.max(SHORTEST_NANOS, nanos)));
	}

	private static synchronized void start() {
		if (thread == null) {
			thread = new Thread(SwitchTimer::checkDue, THREAD_NAME);
			thread.setDaemon(true);
			thread.start();
		}
	}

	private static void checkDue() {
		try {
			while (true) {
				Due due = DUE.take();
				long next = due.gil().checkInterval();
				if (next >= 0) {
					DUE.put(new Due(due.gil(), System.nanoTime() + Math.max(SHORTEST_NANOS, next)));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // nobody interrupts it but the JVM's end
		}
	}

}
