package org.threadlab.childjvm;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs started before anyone asks for them, as CPython's forkserver keeps a process ready to fork
 * from: each has started, warmed up ({@link Warmup}) and said so, and now waits on its standard input
 * for an assignment. A process asked for takes one and runs at once; one thread of the server starts
 * the next in the background. Each spare serves one process of one run and then ends with it: never
 * two, never two runs.
 * <p>
 * How many are kept, how many start at once and when, {@link SpareDemand} decides from the demand it
 * has seen: a few when calm, more when processes are asked for fast; never while the processes that
 * took the last ones compute (a lesson's workers should have the machine's cores then).
 * <p>
 * Thread-safety: {@link #take()} from any thread; only the refill threads launch.
 */
final class Spares {

	private static final System.Logger LOG = System.getLogger(Spares.class.getName());

	/** What a spare writes on its event pipe once it has warmed up. */
	static final String READY = "READY";

	private static final long READY_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

	private static final long FAILURE_PAUSE_MS = 2_000;

	/** How often a refill thread with nothing to do looks whether the demand has fallen (to end extra spares). */
	private static final long IDLE_LOOK_MS = 1_000;

	interface Launch {

		Process spare() throws IOException;

	}

	private final LinkedBlockingDeque<ChildJvm> idle = new LinkedBlockingDeque<>();

	private final Object wanted = new Object();

	private final Launch launch;

	private final SpareDemand demand;

	/** As many as the demand may ready at once: one per core. */
	private final List<Thread> refills = new java.util.ArrayList<>();

	/** The spares being started and readied now; guarded by {@code wanted}. */
	private final java.util.Set<Process> launching = new java.util.HashSet<>();

	/** Spares decided on and not yet ready (some may not be launched yet); guarded by {@code wanted}. */
	private int starting;

	private volatile boolean closed;

	Spares(SpareDemand demand, Launch launch) {
		this.demand = demand;
		this.launch = launch;
		for (int i = 0; i < demand.cores(); i++) {
			Thread refill = new Thread(this::refill, "threadlab-child-spares-" + (i + 1));
			refill.setDaemon(true);
			refills.add(refill);
		}
		refills.forEach(Thread::start);
	}

	/** A ready spare, or null if none is ready now; never waits. */
	ChildJvm take() {
		ChildJvm taken = null;
		try {
			for (ChildJvm spare; taken == null && (spare = idle.pollFirst()) != null;) {
				if (spare.process().isAlive()) {
					taken = spare;
				}
			}
			return taken;
		}
		finally {
			demand.asked(System.nanoTime(), taken == null ? null : taken.process().toHandle());
			wake(); // one fewer idle, and the demand has changed: the refill threads see what to start
		}
	}

	/** Keeps {@code base} spares when calm and up to {@code max} under demand, from now on. */
	void resize(int base, int max) {
		demand.resize(base, max);
		trim(demand.base());
		wake();
	}

	/** Ends the idle spares beyond {@code size}, the newest first. */
	private void trim(int size) {
		while (idle.size() > size) {
			ChildJvm extra = idle.pollLast();
			if (extra != null) {
				extra.process().destroy();
			}
		}
	}

	int idleCount() {
		return idle.size();
	}

	/** The pids of the spares that belong to no run: those waiting and the one being started. */
	List<Long> pids() {
		synchronized (wanted) {
			List<Long> pids = new java.util.ArrayList<>(idle.stream().map(ChildJvm::pid).toList());
			launching.forEach(process -> pids.add(process.pid()));
			return pids;
		}
	}

	/** Ends every idle spare and the refill thread. */
	void close() {
		closed = true;
		refills.forEach(Thread::interrupt);
		synchronized (wanted) {
			launching.forEach(Process::destroy);
		}
		for (ChildJvm spare; (spare = idle.pollFirst()) != null;) {
			spare.process().destroy();
		}
	}

	private void wake() {
		synchronized (wanted) {
			wanted.notifyAll();
		}
	}

	private void refill() {
		try {
			while (!closed) {
				awaitTurn();
				if (closed) {
					return;
				}
				ChildJvm spare = startOne();
				synchronized (wanted) {
					starting--;
					if (spare != null) {
						launching.remove(spare.process());
					}
					if (spare != null && !closed) {
						idle.addLast(spare);
					}
					else if (spare != null) {
						spare.process().destroy();
					}
					wanted.notifyAll(); // another refill thread may start one now
				}
				if (spare == null) {
					TimeUnit.MILLISECONDS.sleep(FAILURE_PAUSE_MS); // do not spin on a JVM that cannot start
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // closed
		}
	}

	/**
	 * Waits until a spare should be started now, as the demand says: fewer ready or being readied than it
	 * wants, fewer being readied than it allows at once, and no reason to wait; then counts it as
	 * starting. Meanwhile ends the idle spares the demand no longer wants.
	 */
	private void awaitTurn() throws InterruptedException {
		synchronized (wanted) {
			while (!closed) {
				long now = System.nanoTime();
				int target = demand.target(now);
				trim(target);
				if (idle.size() + starting < target && starting < demand.parallel(now, idle.size())) {
					long delay = demand.delayNanos(now);
					if (delay == 0) {
						starting++;
						return;
					}
					TimeUnit.NANOSECONDS.timedWait(wanted, delay);
				}
				else {
					wanted.wait(IDLE_LOOK_MS);
				}
			}
		}
	}

	/** Launches a spare and waits until it says it is ready; null if it could not start. */
	private ChildJvm startOne() throws InterruptedException {
		long launched = System.nanoTime();
		Process process;
		try {
			process = launch.spare();
			synchronized (wanted) {
				launching.add(process);
			}
		}
		catch (IOException ex) {
			LOG.log(Level.WARNING, "cannot start a spare child JVM", ex);
			return null;
		}
		try {
			if (awaitReady(process)) {
				return new ChildJvm(process, true, launched); // still launching until the caller adds it to the idle
			}
			LOG.log(Level.WARNING, "a spare child JVM did not get ready (exit {0})",
					process.isAlive() ? "none yet" : process.exitValue());
		}
		catch (IOException ex) {
			LOG.log(Level.WARNING, "a spare child JVM broke its pipe while getting ready", ex);
		}
		process.destroyForcibly();
		synchronized (wanted) {
			launching.remove(process);
		}
		return null;
	}

	/**
	 * Reads the spare's first line, which must be {@link #READY}, taking exactly its bytes from the pipe
	 * (whatever follows belongs to the events, read later by the run). Polls rather than blocks, so that
	 * a spare that hangs is given up after a while.
	 */
	static boolean awaitReady(Process process) throws IOException, InterruptedException {
		InputStream in = process.getInputStream();
		long deadline = System.nanoTime() + READY_LIMIT_NANOS;
		StringBuilder line = new StringBuilder();
		while (System.nanoTime() < deadline) {
			if (in.available() == 0) {
				if (!process.isAlive()) {
					return false;
				}
				TimeUnit.MILLISECONDS.sleep(2);
				continue;
			}
			int b = in.read();
			if (b < 0) {
				return false;
			}
			if (b == '\n') {
				return line.toString().equals(READY);
			}
			line.append((char) b);
			if (line.length() > READY.length()) {
				return false; // not a spare's greeting
			}
		}
		return false;
	}

}
