package org.threadlab.run;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.threadlab.builtins.PyErrors;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;

/**
 * The course of a run, from its main program to its {@link Outcome}: the threads and processes it
 * started, the exit hooks, the joins of what keeps a Python process alive, a stop (cancel, or the
 * watchdog's), and the end.
 * <p>
 * The main program runs on the run's own main thread. When it returns, the main actor joins the
 * threads and processes that keep a Python process alive (non-daemon ones), then the run is
 * <em>ending</em>: nothing new may start (as Python says, "can't create new thread at interpreter
 * shutdown"). What follows, the run's {@link Residence} decides. In the server ({@link #tearDown}),
 * daemon threads are cut off, processes are stopped ({@link RunTeardown}), and once all of it has ended
 * the run records {@code END} with the outcome; only then does {@link #outcome()} complete. In a child
 * the process ends, and its parent records the end. Between the joins and the end, Python's
 * {@code atexit} functions run ({@link Run#atPythonExit}): there {@code multiprocessing} terminates
 * daemonic child processes and joins the others.
 * <p>
 * Thread-safety: any thread may call any method. Starting a thread or process, registering an exit
 * hook and the switch to ending take one lock, so nothing can start behind the teardown's back; the
 * flags are volatile, read without it. Interruption: only a stop interrupts the main actor, whose
 * outcome then says so.
 */
final class RunLifecycle {

	private final Run run;

	private final Residence residence;

	private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

	private final Object lock = new Object();

	// guarded by lock
	private final List<Thread> threads = new ArrayList<>();

	private final List<Process> processes = new ArrayList<>();

	private final Queue<KeepsProcessAlive> keepAlive = new ArrayDeque<>();

	private final Deque<RunBody> atExit = new ArrayDeque<>();

	private final Deque<RunBody> atPythonExit = new ArrayDeque<>();

	private volatile boolean ending;

	private volatile boolean cancelled;

	private volatile String cancelReason;

	private volatile Outcome.Status stopStatus = Outcome.Status.CANCELLED;

	private volatile Thread mainThread;

	RunLifecycle(Run run, Residence residence) {
		this.run = run;
		this.residence = residence;
	}

	/** Plays the main actor on the calling thread (the run's main thread) to the end; see {@link Run}. */
	Outcome runMain(Actor main, RunBody body, boolean announce) {
		Hook hook = run.hook();
		Outcome.Status status = Outcome.Status.COMPLETED;
		String error = null;
		try {
			if (announce) {
				hook.instant(main, EventKind.BEGIN, null, run.clock().speed(), Event.NO_CAUSE);
			}
			hook.instant(main, EventKind.SPAWN, null, main.info(), Event.NO_CAUSE);
			hook.instant(main, EventKind.START, null, residence.startValue(), Event.NO_CAUSE);
			hook.starting(main);
			hook.entered(main);
			try {
				body.run();
			}
			catch (Throwable ex) {
				error = PyErrors.describe(ex);
				status = Outcome.Status.FAILED;
			}
			try {
				runHooks(atExit);
				joinWhatKeepsTheProcessAlive();
				runHooks(atPythonExit);
			}
			catch (InterruptedException ex) {
				// Only a cancel interrupts the main actor; it is reported by the outcome below.
				status = Outcome.Status.CANCELLED;
			}
			if (cancelled) {
				status = stopStatus;
				error = cancelReason;
			}
			if (main.markExited()) {
				hook.mainExited(main, status == Outcome.Status.FAILED ? "error: " + error
						: cancelled ? whyInterrupted() : null);
			}
			return residence.mainExited(this, main, status, error);
		}
		finally {
			residence.mainThreadEnds(this);
			Actor.unbind();
		}
	}

	/** Starts the run's main thread, which will {@link #runMain}, as a thread of the run. */
	void startMain(Thread main) {
		mainThread = main;
		startThread(main, null, null);
	}

	/**
	 * In a child process, on the JVM's main thread: starts the run's main thread, which will
	 * {@link #runMain}, waits for it to end, and returns how it went ({@code ended}). An interrupt does not
	 * end the wait (the main program decides when the process ends, not the waiting caller); it is
	 * restored afterwards.
	 */
	Outcome runMainHere(Thread main, Supplier<Outcome> ended) {
		mainThread = main;
		main.start();
		boolean interrupted = false;
		while (main.isAlive()) {
			try {
				main.join();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		Outcome outcome = ended.get();
		return outcome != null ? outcome
				: outcomeNow(Outcome.Status.FAILED, "SystemError: the main program could not end cleanly");
	}

	/** See {@link Run#awaitTermination}. */
	boolean awaitTermination(Duration timeout) throws InterruptedException {
		Thread main = mainThread;
		if (main == null) {
			return true;
		}
		main.join(Math.max(1, timeout.toMillis()));
		return !main.isAlive();
	}

	/** In the server, once the main actor has exited: stops the rest, records END, completes the outcome. */
	Outcome tearDown(Actor main, Outcome.Status status, String error) {
		List<Thread> threadsLeft;
		List<Process> processesLeft;
		synchronized (lock) {
			ending = true;
			threadsLeft = List.copyOf(threads);
			processesLeft = List.copyOf(processes);
		}
		new RunTeardown(run.id(), threadsLeft, processesLeft).stop(run::closeResources);
		Outcome result = outcomeNow(status, error);
		run.trace().recordAlways(main, EventKind.END, result, Event.NO_CAUSE);
		outcome.complete(result);
		return result;
	}

	/** Whoever waits for this run must hear of its end, even when something broke the teardown itself. */
	void failIfUnended() {
		if (!outcome.isDone()) {
			outcome.complete(outcomeNow(Outcome.Status.FAILED, "SystemError: the run could not end cleanly"));
		}
	}

	/** An outcome as of now. */
	Outcome outcomeNow(Outcome.Status status, String error) {
		return new Outcome(status, error, run.clock().now(), run.recorder().dropped());
	}

	CompletableFuture<Outcome> outcome() {
		return outcome;
	}

	/** See {@link Run#atExit}. */
	void atExit(RunBody hook) {
		synchronized (lock) {
			refuseWhenEnding();
			atExit.push(hook);
		}
	}

	/** See {@link Run#atPythonExit}. */
	void atPythonExit(RunBody hook) {
		synchronized (lock) {
			refuseWhenEnding();
			atPythonExit.push(hook);
		}
	}

	private void runHooks(Deque<RunBody> hooks) throws InterruptedException {
		while (true) {
			RunBody next;
			synchronized (lock) {
				next = cancelled ? null : hooks.poll();
			}
			if (next == null) {
				return;
			}
			try {
				next.run();
			}
			catch (InterruptedException ex) {
				throw ex;
			}
			catch (Exception ex) {
				// as CPython, an exit hook's failure does not stop the others
				RunLog.LOG.log(Level.INFO, "run {0}: an exit hook failed: {1}", run.id(), ex);
			}
		}
	}

	/**
	 * Like Python's interpreter at exit, even after an error in main: joins every non-daemon thread and
	 * process, including those started meanwhile; when none is left the run is ending, atomically, so
	 * none can start after the last look.
	 */
	private void joinWhatKeepsTheProcessAlive() throws InterruptedException {
		while (true) {
			KeepsProcessAlive next;
			synchronized (lock) {
				next = cancelled ? null : keepAlive.poll();
				if (next == null) {
					ending = true;
					return;
				}
			}
			if (next.isAlive()) {
				next.join();
			}
		}
	}

	/** Stops the run once: every thread is interrupted, every process asked to stop, the GIL's waiters woken. */
	void stop(Outcome.Status status, String reason) {
		List<Thread> threadsNow;
		List<Process> processesNow;
		synchronized (lock) {
			if (cancelled) {
				return; // once is enough: a second interrupt would only disturb the teardown
			}
			cancelReason = reason;
			stopStatus = status;
			cancelled = true;
			threadsNow = List.copyOf(threads);
			processesNow = List.copyOf(processes);
		}
		for (Thread thread : threadsNow) {
			thread.interrupt();
		}
		for (Process process : processesNow) {
			process.toHandle().destroy(); // SIGTERM, the pipes left open: see RunTeardown
		}
		run.gil().wakeAll();
	}

	/** See {@link Run#whyInterrupted}. */
	String whyInterrupted() {
		if (cancelled) {
			return stopStatus == Outcome.Status.CANCELLED ? "cancelled" : "freed";
		}
		return ending ? "cut off" : "interrupted";
	}

	boolean isCancelled() {
		return cancelled;
	}

	/** See {@link Run#startThread(Thread, KeepsProcessAlive, Actor)}. */
	void startThread(Thread thread, KeepsProcessAlive nonDaemon, Actor actor) {
		synchronized (lock) {
			refuseWhenEnding();
			if (actor != null) {
				run.hook().starting(actor);
			}
			threads.add(thread);
			thread.start();
			if (nonDaemon != null) {
				keepAlive.add(nonDaemon);
			}
		}
	}

	/** See {@link Run#adopt}. */
	void adopt(Process process) {
		synchronized (lock) {
			if (!ending && !cancelled) {
				processes.add(process);
				return;
			}
		}
		process.destroyForcibly();
		refuseWhenEnding();
	}

	private void refuseWhenEnding() {
		if (ending || cancelled) {
			throw new IllegalStateException(
					"can't create new thread at interpreter shutdown (run " + run.id() + " is ending)");
		}
	}

}
