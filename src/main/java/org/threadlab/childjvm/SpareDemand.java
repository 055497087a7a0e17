package org.threadlab.childjvm;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * How many spare child JVMs to keep ready, how many to start at once, and when: the policy of
 * {@link Spares}, sized to the demand it has seen. Calm (no more processes asked for in the last
 * {@value #WINDOW_SECONDS} s than a lesson starts at once, {@code base}), it keeps {@code base}. When
 * processes are asked for faster (a class starting lessons together, or one learner running them back to
 * back), it keeps as many as were asked for in the last {@value #WINDOW_SECONDS} s, up to {@code max}; a
 * size so raised is kept {@value #HOLD_SECONDS} s after the demand that raised it, then falls back to
 * {@code base}. It readies one at a time when calm, a core's worth at once under demand or when none is
 * ready.
 * <p>
 * When: not while the processes that took the last spares are computing (together more than
 * {@value #BUSY_CORES} of a core; a spare is looked at {@value #OBSERVE_MS} ms after it was taken, when a
 * lesson's worker has begun its work), under demand for at most {@value #GATE_SECONDS} s: a lesson's worker processes
 * ({@code cpu-bound}'s three) should have the cores while they compute, not share them with their
 * successors warming up, which made them slower than the lesson's threads; while they sleep (most
 * lessons) the next spares start at once. (It used to wait for two quiet seconds with no process asked
 * for, which a class never has: every process then started cold.)
 * <p>
 * Memory: an idle spare holds about 47 MB resident (27 MB its own, the rest the class-data archive that
 * every child maps), so {@code max} bounds what spares take: docs/workshop.md budgets it.
 * <p>
 * Thread-safety: every method is synchronized; {@link #asked} from the threads starting processes, the
 * rest from the refill threads.
 */
final class SpareDemand {

	static final int WINDOW_SECONDS = 10;

	static final int HOLD_SECONDS = 30;

	static final double BUSY_CORES = 0.5;

	static final int GATE_SECONDS = 2;

	private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);

	private static final long HOLD_NANOS = TimeUnit.SECONDS.toNanos(HOLD_SECONDS);

	private static final long GATE_NANOS = TimeUnit.SECONDS.toNanos(GATE_SECONDS);

	/** How long after it was handed out a spare's process is watched for computing. */
	private static final long WATCH_NANOS = TimeUnit.SECONDS.toNanos(30);

	/** How often a refill held back by computing children looks again. */
	static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	static final int OBSERVE_MS = 200;

	/**
	 * The shortest span a look measures a process's CPU over. Each refill thread looks in turn: one right
	 * after another saw no CPU used in the moment between them, called computing workers idle, and started
	 * a JVM beside them (the Linux tick is 10 ms, too).
	 */
	static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private static final long OBSERVE_NANOS = TimeUnit.MILLISECONDS.toNanos(OBSERVE_MS);

	/** A spare handed out, its CPU time when last looked at, and the share of a core it used before that. */
	private static final class Watched {

		final ProcessHandle process;

		final long handedOutNanos;

		long cpuNanos;

		long seenNanos;

		double cores;

		Watched(ProcessHandle process, long cpuNanos, long now) {
			this.process = process;
			this.handedOutNanos = now;
			this.cpuNanos = cpuNanos;
			this.seenNanos = now;
		}

	}

	private final int cores;

	/** The CPU time a process has used, in nanoseconds. */
	private final ToLongFunction<ProcessHandle> cpu;

	private int base;

	private int max;

	/** When processes were asked for, the oldest first; none older than the window. */
	private final ArrayDeque<Long> asks = new ArrayDeque<>();

	private final List<Watched> watched = new ArrayList<>();

	private int raised;

	private long raisedAtNanos;

	/** When the refill was first held back for computing children, or -1 while it is not. */
	private long heldSinceNanos = -1;

	SpareDemand(int base, int max, int cores) {
		this(base, max, cores, SpareDemand::cpuOf);
	}

	/** With {@code cpu} telling how much CPU a process has used (tests give their own). */
	SpareDemand(int base, int max, int cores, ToLongFunction<ProcessHandle> cpu) {
		this.cores = Math.max(1, cores);
		this.cpu = cpu;
		resize(base, max);
	}

	synchronized void resize(int newBase, int newMax) {
		base = Math.max(0, newBase);
		max = Math.max(base, newMax);
	}

	int cores() {
		return cores;
	}

	synchronized int base() {
		return base;
	}

	/** A process was asked for at {@code now} (System.nanoTime); {@code spare} is the one it got, or null. */
	synchronized void asked(long now, ProcessHandle spare) {
		asks.addLast(now);
		if (spare != null) {
			watched.add(new Watched(spare, cpu.applyAsLong(spare), now));
		}
	}

	/** How many spares to have, ready or being readied, at {@code now}: as many as were asked for lately. */
	synchronized int target(long now) {
		forgetOld(now);
		int wanted = Math.max(base, Math.min(max, asks.size()));
		if (wanted >= raised || now - raisedAtNanos > HOLD_NANOS) {
			raised = wanted;
			raisedAtNanos = now;
		}
		return Math.max(wanted, raised);
	}

	/**
	 * How many spares may be readied at once at {@code now}, with {@code idle} ready: one when calm, a
	 * core's worth under demand or when none is ready.
	 */
	synchronized int parallel(long now, int idle) {
		return target(now) > base || idle == 0 ? cores : 1;
	}

	/**
	 * How long to wait before starting a spare at {@code now}: 0 to start it, else the time to look again:
	 * while the spares handed out last are too new to tell whether they compute, and then while they do
	 * (under demand for at most {@value #GATE_SECONDS} s in all: others are asking for processes).
	 */
	synchronized long delayNanos(long now) {
		if (heldSinceNanos >= 0 && now - heldSinceNanos >= GATE_NANOS && target(now) > base) {
			heldSinceNanos = -1;
			return 0; // computing long: the next processes would start cold, which costs the cores as much
		}
		long wait = busyOrNew(now);
		if (wait == 0) {
			heldSinceNanos = -1;
		}
		else if (heldSinceNanos < 0) {
			heldSinceNanos = now;
		}
		return wait;
	}

	/**
	 * 0 if the spares handed out lately use little CPU now; else how long to wait before looking again.
	 * Each is measured from the moment it was handed out, and none is judged before the newest was handed
	 * out {@value #OBSERVE_MS} ms ago (a lesson's workers take a few tens of milliseconds to begin
	 * computing); then between looks at least {@link #SAMPLE_NANOS} apart, a look sooner keeping what the
	 * last one measured.
	 */
	private long busyOrNew(long now) {
		double busy = 0;
		long youngest = Long.MAX_VALUE;
		for (Iterator<Watched> it = watched.iterator(); it.hasNext();) {
			Watched w = it.next();
			long age = now - w.handedOutNanos;
			if (!w.process.isAlive() || age > WATCH_NANOS) {
				it.remove();
				continue;
			}
			if (age < OBSERVE_NANOS) {
				youngest = Math.min(youngest, OBSERVE_NANOS - age);
				continue;
			}
			long elapsed = now - w.seenNanos;
			if (elapsed >= SAMPLE_NANOS) {
				long used = cpu.applyAsLong(w.process);
				w.cores = used >= w.cpuNanos ? (double) (used - w.cpuNanos) / elapsed : 0;
				w.cpuNanos = used;
				w.seenNanos = now;
			}
			busy += w.cores;
		}
		if (busy > BUSY_CORES) {
			return RECHECK_NANOS;
		}
		// one handed out a moment later may be about to compute, as its pool's others do: wait to see it too
		return youngest == Long.MAX_VALUE ? 0 : youngest;
	}

	private void forgetOld(long now) {
		while (!asks.isEmpty() && now - asks.peekFirst() > WINDOW_NANOS) {
			asks.removeFirst();
		}
	}

	/** The CPU time a process has used, where the system tells (Linux, macOS, Windows), else 0. */
	private static long cpuOf(ProcessHandle process) {
		return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

}
