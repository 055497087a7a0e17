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
 * The next spares start once no process has been asked for during a quiet period ({@link #QUIET_NANOS}):
 * a lesson starts its processes in a burst (a pool of three), and those processes, not the warming up
 * of their successors, should have the machine's cores while they compute. (Starting three spares
 * beside a pool's three workers on two cores made the workers of {@code cpu-bound} slower than its
 * threads.)
 * <p>
 * Thread-safety: {@link #take()} from any thread; only the refill thread launches.
 */
final class Spares {

	private static final System.Logger LOG = System.getLogger(Spares.class.getName());

	/** What a spare writes on its event pipe once it has warmed up. */
	static final String READY = "READY";

	private static final long READY_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

	private static final long FAILURE_PAUSE_MS = 2_000;

	static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);

	interface Launch {

		Process spare() throws IOException;

	}

	private final LinkedBlockingDeque<ChildJvm> idle = new LinkedBlockingDeque<>();

	private final Object wanted = new Object();

	private final Launch launch;

	private final Thread refill;

	private volatile int size;

	/** The spare being started and readied now, if any; guarded by {@code wanted}. */
	private Process launching;

	private volatile boolean closed;

	/** When a process was last asked for (System.nanoTime), or null before the first. */
	private volatile Long lastAsked;

	Spares(int size, Launch launch) {
		this.size = size;
		this.launch = launch;
		this.refill = new Thread(this::refill, "threadlab-child-spares");
		this.refill.setDaemon(true);
		this.refill.start();
	}

	/** A ready spare, or null if none is ready now; never waits. */
	ChildJvm take() {
		lastAsked = System.nanoTime();
		try {
			for (ChildJvm spare; (spare = idle.pollFirst()) != null;) {
				if (spare.process().isAlive()) {
					return spare;
				}
			}
			return null;
		}
		finally {
			wake(); // one fewer idle: the refill thread starts the next after the quiet period
		}
	}

	void resize(int newSize) {
		size = Math.max(0, newSize);
		while (idle.size() > size) {
			ChildJvm extra = idle.pollLast();
			if (extra != null) {
				extra.process().destroy();
			}
		}
		wake();
	}

	int idleCount() {
		return idle.size();
	}

	/** The pids of the spares that belong to no run: those waiting and the one being started. */
	List<Long> pids() {
		synchronized (wanted) {
			List<Long> pids = new java.util.ArrayList<>(idle.stream().map(ChildJvm::pid).toList());
			if (launching != null) {
				pids.add(launching.pid());
			}
			return pids;
		}
	}

	/** Ends every idle spare and the refill thread. */
	void close() {
		closed = true;
		refill.interrupt();
		synchronized (wanted) {
			if (launching != null) {
				launching.destroy();
			}
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
				synchronized (wanted) {
					while (!closed && idle.size() >= size) {
						wanted.wait();
					}
				}
				if (closed) {
					return;
				}
				awaitQuiet();
				ChildJvm spare = startOne();
				if (spare == null) {
					TimeUnit.MILLISECONDS.sleep(FAILURE_PAUSE_MS); // do not spin on a JVM that cannot start
				}
				else {
					synchronized (wanted) {
						launching = null;
						if (closed) {
							spare.process().destroy();
						}
						else {
							idle.addLast(spare);
						}
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // closed
		}
	}

	/** Waits until no process has been asked for during {@link #QUIET_NANOS}. */
	private void awaitQuiet() throws InterruptedException {
		for (Long asked; (asked = lastAsked) != null;) {
			long left = asked + QUIET_NANOS - System.nanoTime();
			if (left <= 0) {
				return;
			}
			TimeUnit.NANOSECONDS.sleep(left);
		}
	}

	/** Launches a spare and waits until it says it is ready; null if it could not start. */
	private ChildJvm startOne() throws InterruptedException {
		long launched = System.nanoTime();
		Process process;
		try {
			process = launch.spare();
			synchronized (wanted) {
				launching = process;
			}
		}
		catch (IOException ex) {
			LOG.log(Level.WARNING, "cannot start a spare child JVM", ex);
			return null;
		}
		try {
			if (awaitReady(process)) {
				return new ChildJvm(process, true, launched);
			}
			LOG.log(Level.WARNING, "a spare child JVM did not get ready (exit {0})",
					process.isAlive() ? "none yet" : process.exitValue());
		}
		catch (IOException ex) {
			LOG.log(Level.WARNING, "a spare child JVM broke its pipe while getting ready", ex);
		}
		process.destroyForcibly();
		synchronized (wanted) {
			launching = null;
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
