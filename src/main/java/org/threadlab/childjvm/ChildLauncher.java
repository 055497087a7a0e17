package org.threadlab.childjvm;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The one place where child JVMs are started. A process asked for gets a spare if one is ready
 * ({@link #takeSpare()}; see {@link Spares}), else a JVM launched at once ({@link #launch()}); either
 * way it is a real OS process of its own, a child of this JVM, which watches this JVM through its
 * standard input and ends when it is gone.
 * <p>
 * What children need is prepared once, in the background ({@link #prepare()}, or on first use): their
 * classes as one jar ({@link ChildClassPath}), a class-data-sharing archive of them ({@link CdsArchive}),
 * then the spares. Until the archive is made, children start without it, a little slower.
 * <p>
 * Settings (system properties, or {@link #configure} from the server's configuration):
 * {@value #SPARES_PROPERTY} (spares kept ready when calm, default {@value #DEFAULT_SPARES}; 0: none),
 * {@value #SPARES_MAX_PROPERTY} (at most, when processes are asked for fast; by default as many; see
 * {@link SpareDemand}),
 * {@value #CDS_PROPERTY} (use the archive, default true), {@value #CLASS_PATH_PROPERTY} (where the
 * children's classes are; tests give their own programs to children this way).
 * <p>
 * Thread-safety: every method may be called from any thread; the preparation is guarded by one lock.
 */
public final class ChildLauncher {

	/** Overrides the class path of child JVMs; tests use it to give children their own programs. */
	public static final String CLASS_PATH_PROPERTY = "threadlab.child.class-path";

	public static final String SPARES_PROPERTY = "threadlab.child.spares";

	public static final String SPARES_MAX_PROPERTY = "threadlab.child.spares-max";

	public static final String CDS_PROPERTY = "threadlab.child.cds";

	static final int DEFAULT_SPARES = 2;

	private static final System.Logger LOG = System.getLogger(ChildLauncher.class.getName());

	private static final Object LOCK = new Object();

	// guarded by LOCK
	private static Setup setup;

	private static Integer sparesWanted;

	private static Integer sparesMaxWanted;

	private static Boolean cdsWanted;

	private ChildLauncher() {
	}

	/**
	 * What children are launched from: one class path, its archive, its spares. Replaced (and its spares
	 * ended) when the class-path property changes.
	 */
	private static final class Setup {

		final String classPathProperty;

		final ChildClassPath classPath;

		final CdsArchive archive;

		final boolean cds;

		volatile Spares spares;

		/**
		 * Spares that keep a spare of their own for a fork: for a lesson that forks, one is enough. None
		 * until such a lesson first asks: two JVMs kept idle for one lesson of twenty-five.
		 */
		volatile Spares forkingSpares;

		volatile boolean forkingAsked;

		final Thread preparer;

		Setup(String classPathProperty, boolean cds) {
			this.classPathProperty = classPathProperty;
			this.classPath = ChildClassPath.make(classPathProperty);
			this.archive = new CdsArchive(classPath.jar());
			this.cds = cds;
			this.preparer = new Thread(this::prepare, "threadlab-child-preparer");
			this.preparer.setDaemon(true);
			this.preparer.start();
		}

		private void prepare() {
			try {
				if (cds) {
					archive.build();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return; // replaced meanwhile
			}
			synchronized (LOCK) {
				if (setup == this && spares == null) {
					int cores = Runtime.getRuntime().availableProcessors();
					spares = new Spares(new SpareDemand(spares(), sparesMax(), cores), () -> start(ChildMain.SPARE));
					int forking = forkingAsked ? forkingSpares() : 0; // a fixed few: a fork lesson is one at a time
					forkingSpares = new Spares(new SpareDemand(forking, forking, cores), () -> start(ChildMain.FORKING_SPARE));
				}
			}
		}

		Path archiveOrNull() {
			return cds ? archive.ready() : null;
		}

		Process start(String mode) throws IOException {
			return new ProcessBuilder(ChildCommand.of(classPath.jar(), archiveOrNull(), mode))
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
		}

		void close() {
			preparer.interrupt();
			for (Spares s : new Spares[] { spares, forkingSpares }) {
				if (s != null) {
					s.close();
				}
			}
		}

	}

	/** Sets how many spares to keep ready (as many under demand) and whether to use the archive. */
	public static void configure(int spares, boolean cds) {
		configure(spares, spares, cds);
	}

	/**
	 * Sets how many spares to keep ready when calm and at most under demand, and whether to use the
	 * archive; applies from now on.
	 */
	public static void configure(int spares, int sparesMax, boolean cds) {
		if (spares < 0 || sparesMax < spares) {
			throw new IllegalArgumentException("spares must be 0 or more, and at most spares-max: " + spares + ", " + sparesMax);
		}
		synchronized (LOCK) {
			sparesWanted = spares;
			sparesMaxWanted = sparesMax;
			cdsWanted = cds;
			if (setup != null && setup.cds != cds) {
				setup.close();
				setup = null; // made again, with or without the archive, on next use
			}
			else if (setup != null && setup.spares != null) {
				setup.spares.resize(spares, sparesMax);
				int forking = setup.forkingAsked ? forkingSpares() : 0;
				setup.forkingSpares.resize(forking, forking);
			}
		}
	}

	/** Prepares now, in the background, what children need (at the server's start, so the first is quick). */
	public static void prepare() {
		current();
	}

	private static Setup current() {
		String given = System.getProperty(CLASS_PATH_PROPERTY);
		synchronized (LOCK) {
			if (setup == null || !Objects.equals(setup.classPathProperty, given)) {
				if (setup != null) {
					setup.close();
				}
				setup = new Setup(given, cds());
			}
			return setup;
		}
	}

	private static int spares() {
		if (sparesWanted != null) {
			return sparesWanted;
		}
		return Integer.getInteger(SPARES_PROPERTY, DEFAULT_SPARES);
	}

	/** One forking spare (two JVMs: it and its own spare) while spares are kept at all. */
	private static int forkingSpares() {
		return Math.min(1, spares());
	}

	private static int sparesMax() {
		if (sparesMaxWanted != null) {
			return sparesMaxWanted;
		}
		return Math.max(spares(), Integer.getInteger(SPARES_MAX_PROPERTY, spares()));
	}

	private static boolean cds() {
		if (cdsWanted != null) {
			return cdsWanted;
		}
		return !"false".equalsIgnoreCase(System.getProperty(CDS_PROPERTY));
	}

	/** A spare child JVM, ready and waiting for its assignment, or null if none is ready now. Never waits. */
	public static ChildJvm takeSpare() {
		return takeSpare(false);
	}

	/**
	 * A spare child JVM, or null if none is ready now; for a process that may fork ({@code forking}), one
	 * that keeps a spare of its own for the fork, if one is ready, else any. Never waits.
	 */
	public static ChildJvm takeSpare(boolean forking) {
		Setup s = current();
		Spares forkers = s.forkingSpares;
		if (forking && !s.forkingAsked) {
			s.forkingAsked = true; // from now on one is kept ready
			if (forkers != null) {
				forkers.resize(forkingSpares(), forkingSpares());
			}
		}
		ChildJvm forker = forking && forkers != null ? forkers.take() : null;
		if (forker != null) {
			return forker;
		}
		Spares spares = s.spares;
		return spares == null ? null : spares.take();
	}

	/** Launches a child JVM now; it waits for its assignment. */
	public static ChildJvm launch() throws IOException {
		long launched = System.nanoTime();
		return new ChildJvm(current().start(ChildMain.COLD), false, launched);
	}

	/** The pids of the spares waiting now (they belong to no run yet), with the spares forking spares keep. */
	public static List<Long> sparePids() {
		Setup s;
		synchronized (LOCK) {
			s = setup;
		}
		List<Long> pids = new java.util.ArrayList<>();
		for (Spares spares : s == null ? new Spares[0] : new Spares[] { s.spares, s.forkingSpares }) {
			if (spares != null) {
				for (long pid : spares.pids()) {
					pids.add(pid);
					ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
				}
			}
		}
		return pids;
	}

	/** How many spares are ready now, started and warmed up (benchmarks wait for them). */
	public static int readySpares() {
		Setup s;
		synchronized (LOCK) {
			s = setup;
		}
		Spares spares = s == null ? null : s.spares;
		return spares == null ? 0 : spares.idleCount();
	}

	/** Waits until a spare is ready or the time is up (benchmarks and tests); true if one is. */
	public static boolean awaitSpare(Duration limit) throws InterruptedException {
		return awaitSpare(limit, false);
	}

	/** The same, for a forking spare ({@code forking}) or a plain one. */
	public static boolean awaitSpare(Duration limit, boolean forking) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			Spares spares = forking ? current().forkingSpares : current().spares;
			if (spares != null && spares.idleCount() > 0) {
				return true;
			}
			TimeUnit.MILLISECONDS.sleep(5);
		}
		return false;
	}

	/** Waits until the class-data archive is made or the time is up (benchmarks and tests); true if it is. */
	public static boolean awaitArchive(Duration limit) throws InterruptedException {
		Setup s = current();
		s.preparer.join(Math.max(1, limit.toMillis()));
		boolean ready = s.archiveOrNull() != null;
		if (!ready) {
			LOG.log(Level.DEBUG, "no class-data archive for child JVMs yet");
		}
		return ready;
	}

}
