package org.threadlab.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a run's threads live, and all that differs between the two places ({@link Run.Home}): in the
 * server, whose JVM never exits, the run itself cuts off Python's daemon threads, keeps the lesson
 * clock and records its end; in a child process the JVM is the Python process, so a daemon thread dies
 * with it, and the parent keeps the clock and records the end. The run takes its residence from its home
 * when it is made and asks it wherever the two differ, so no method of the run tests its home.
 * <p>
 * Thread-safety: implementations are stateless; any thread may call any method.
 */
sealed interface Residence permits ServerResidence, ChildResidence {

	/** The value of the main actor's START: a child's pid (its first step as a process), none in the server. */
	Object startValue();

	/**
	 * Whether the JVM thread that plays a Python thread is a JVM daemon: always in the server (a stuck run
	 * must never keep it from stopping); in a child, as Python's flag says, so a daemon dies with its process.
	 */
	boolean jvmDaemon(boolean pythonDaemon);

	/** The time an event of this process is stamped with: lesson time; in a child, real time (see RunTrace). */
	long stamp(RunClock clock);

	/**
	 * What watches {@code actor}'s wait for ever on {@code object}, which another process of the run may
	 * end ({@code ready}: whether it could go on now): in the server, a blocker whose stuck look the
	 * watchdog confirms after a while; in a child, none: it tells its parent, whose watchdog sees every
	 * process of the run.
	 */
	Blocker acrossProcesses(RunTrace trace, Actor actor, String object, java.util.function.BooleanSupplier ready);

	/** A cause naming event {@code seq} of another process {@code pid}, for an event this process records. */
	long foreignCause(EventOrigins origins, long pid, long seq);

	/** The run's folder: made for it, or in a child the parent's it was told of. */
	Path makeFolder(long runId) throws IOException;

	/** Of the run's folder, the one the run removes when it closes its resources; null if not its own. */
	Path ownFolder(Path folder);

	/** The main actor has exited: what is left of the run's end, and how it went. */
	Outcome mainExited(RunLifecycle lifecycle, Actor main, Outcome.Status status, String error);

	/** The main program's thread is about to end, however it went: whoever waits must hear of the end. */
	void mainThreadEnds(RunLifecycle lifecycle);

}
