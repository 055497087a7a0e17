package org.threadlab.run;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.event.Recorder;

/**
 * One run of one scenario: its clock, its trace, its hook, and everything it starts — threads and child
 * processes — which it tears down when it ends, so nothing outlives it.
 * <p>
 * The main program runs on the run's own main thread. When it returns, the main actor joins the
 * threads and processes that keep a Python process alive (non-daemon ones), then the run is
 * <em>ending</em>: nothing new may start (as Python says, "can't create new thread at interpreter
 * shutdown"), daemon threads are cut off, processes are stopped, and once all of it has ended the run
 * records {@code END} with the {@link Outcome}. Only then does {@link #outcome()} complete.
 * <p>
 * A run's {@link Home} says where its threads live: in the server (the JVM never exits, so a Python
 * daemon thread is cut off by the run) or in a child process (the JVM is the Python process, so a daemon
 * thread really dies when the process ends, and the parent records the run's end).
 * <p>
 * Thread-safety: every public method may be called from any thread. Starting a thread or process and
 * the switch to ending take one lock ({@code lifecycle}), so nothing can start behind the teardown's
 * back; recording never takes it.
 */
public final class Run {

	public enum Home {
		SERVER, CHILD
	}

	private static final System.Logger LOG = System.getLogger(Run.class.getName());

	private static final AtomicLong IDS = new AtomicLong();

	private static final Duration TEARDOWN_WAIT = Duration.ofSeconds(5);

	private final long id;

	private final Home home;

	private final RunClock clock;

	private final Recorder recorder;

	private final Hook hook = new Hook(this);

	private final Watchdog watchdog = new Watchdog();

	private volatile Gil gil = Gil.off();

	private volatile Gate gate;

	private volatile ProcessPermits processPermits = ProcessPermits.UNLIMITED;

	private final AtomicInteger actorIds = new AtomicInteger();

	private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

	private final Object lifecycle = new Object();

	// guarded by lifecycle
	private final List<Thread> threads = new ArrayList<>();

	private final List<Process> processes = new ArrayList<>();

	private final Queue<KeepsProcessAlive> keepAlive = new ArrayDeque<>();

	private final java.util.Deque<RunBody> atExit = new ArrayDeque<>();

	private volatile boolean ending;

	private volatile boolean cancelled;

	private volatile String cancelReason;

	private volatile Outcome.Status stopStatus = Outcome.Status.CANCELLED;

	private volatile Thread mainThread;

	public Run(Home home, RunClock clock, long traceCapacity) {
		this.id = IDS.incrementAndGet();
		this.home = home;
		this.clock = clock;
		this.recorder = new Recorder(traceCapacity);
	}

	/** Starts the main program on a new thread playing the actor {@code mainName}. Call once. */
	public void start(String mainName, RunBody body) {
		// Only the run's own threads record (the caller may be a web server's thread, kept for years).
		Actor main = registerActor(mainName, ActorInfo.Type.THREAD, ProcessHandle.current().pid(), ActorInfo.NO_PARENT,
				false);
		Thread thread = newThread(main, false, () -> runMain(main, body, true));
		mainThread = thread;
		startThread(thread, null, null);
	}

	/** In a child process: plays the main actor on the calling thread (the JVM's main thread). */
	public void runHere(String mainName, RunBody body) {
		Actor main = registerActor(mainName, ActorInfo.Type.PROCESS, ProcessHandle.current().pid(),
				ActorInfo.NO_PARENT, false);
		mainThread = Thread.currentThread();
		main.bind();
		runMain(main, body, false);
	}

	private void runMain(Actor main, RunBody body, boolean announce) {
		Outcome.Status status = Outcome.Status.COMPLETED;
		String error = null;
		try {
			if (announce) {
				hook.instant(main, EventKind.BEGIN, null, clock.speed(), Event.NO_CAUSE);
			}
			hook.instant(main, EventKind.SPAWN, null, main.info(), Event.NO_CAUSE);
			hook.instant(main, EventKind.START, null, null, Event.NO_CAUSE);
			hook.starting(main);
			hook.entered(main);
			try {
				body.run();
			}
			catch (Throwable ex) {
				error = describe(ex);
				status = Outcome.Status.FAILED;
			}
			try {
				runAtExit();
				joinWhatKeepsTheProcessAlive();
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
				hook.exited(main, status == Outcome.Status.FAILED ? "error" : cancelled ? whyInterrupted() : null);
			}
			if (home == Home.CHILD) {
				return; // the process ends now; its daemon threads end with it and the parent records the end
			}
			stopTheRest();
			Outcome result = new Outcome(status, error, clock.now(), recorder.dropped());
			hook.instant(main, EventKind.END, null, result, Event.NO_CAUSE);
			outcome.complete(result);
		}
		finally {
			if (!outcome.isDone() && home == Home.SERVER) {
				// Something broke the teardown itself; whoever waits for this run must still hear of its end.
				outcome.complete(new Outcome(Outcome.Status.FAILED, "the run could not end cleanly", clock.now(),
						recorder.dropped()));
			}
			Actor.unbind();
		}
	}

	/**
	 * Registers something to do when the main program has returned, before the non-daemon threads are
	 * joined: CPython's {@code threading._register_atexit}, with which a thread pool shuts itself down.
	 */
	public void atExit(RunBody hook) {
		synchronized (lifecycle) {
			refuseWhenEnding();
			atExit.push(hook);
		}
	}

	private void runAtExit() throws InterruptedException {
		while (true) {
			RunBody next;
			synchronized (lifecycle) {
				next = cancelled ? null : atExit.poll();
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
				LOG.log(Level.INFO, "run {0}: an exit hook failed: {1}", id, ex);
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
			synchronized (lifecycle) {
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

	/**
	 * After the main actor exits: cut off daemon threads, stop processes, wait for all of it to end.
	 * A cancel that arrives meanwhile interrupts this thread; the waits go on to their deadline anyway
	 * (teardown must finish) and the interrupt is restored afterwards.
	 */
	private void stopTheRest() {
		List<Thread> threadsLeft;
		List<Process> processesLeft;
		synchronized (lifecycle) {
			ending = true;
			threadsLeft = List.copyOf(threads);
			processesLeft = List.copyOf(processes);
		}
		Thread self = Thread.currentThread();
		boolean interrupted = Thread.interrupted();
		for (Process process : processesLeft) {
			process.destroy(); // a polite stop: the child's shutdown sends its last events
		}
		for (Thread thread : threadsLeft) {
			if (thread != self) {
				thread.interrupt();
			}
		}
		long processDeadline = System.nanoTime() + TEARDOWN_WAIT.toNanos();
		for (Process process : processesLeft) {
			interrupted |= waitUntil(processDeadline, left -> process.waitFor(left, TimeUnit.NANOSECONDS));
			if (process.isAlive()) {
				LOG.log(Level.WARNING, "run {0}: process {1} did not stop; killing it", id, process.pid());
				process.destroyForcibly();
				interrupted |= waitUntil(System.nanoTime() + TEARDOWN_WAIT.toNanos(),
						left -> process.waitFor(left, TimeUnit.NANOSECONDS));
			}
		}
		// The threads get their own time: pipe readers finish only once their process has ended.
		long threadDeadline = System.nanoTime() + TEARDOWN_WAIT.toNanos();
		for (Thread thread : threadsLeft) {
			if (thread != self) {
				interrupted |= waitUntil(threadDeadline, left -> {
					TimeUnit.NANOSECONDS.timedJoin(thread, left);
					return !thread.isAlive();
				});
				if (thread.isAlive()) {
					LOG.log(Level.WARNING, "run {0}: thread {1} ignored its interrupt and is still running", id,
							thread.getName());
				}
			}
		}
		if (interrupted) {
			self.interrupt();
		}
	}

	private interface TimedWait {

		/** Waits at most {@code nanos}; true when what it waits for has happened. */
		boolean await(long nanos) throws InterruptedException;

	}

	/** Waits until done or the deadline, through interrupts; returns whether any interrupt arrived. */
	private static boolean waitUntil(long deadline, TimedWait wait) {
		boolean interrupted = false;
		while (true) {
			long left = deadline - System.nanoTime();
			try {
				if (wait.await(Math.max(1, left)) || left <= 0) {
					return interrupted;
				}
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
	}

	/** Stops the run: every blocking step of every actor is interrupted; the run ends as cancelled. */
	public void cancel() {
		cancel(null);
	}

	/** Stops the run, saying why in its outcome (null: the user asked). */
	public void cancel(String reason) {
		stop(Outcome.Status.CANCELLED, reason);
	}

	/**
	 * The watchdog found a deadlock or a hang: records it, then stops the run, which frees every blocked
	 * thread (each is interrupted in its wait) so that nothing is left behind.
	 */
	void stopFor(Actor finder, Watchdog.Finding finding) {
		hook.instant(finder, finding.deadlock() ? EventKind.DEADLOCK : EventKind.HANG, String.join(", ", finding.objects()),
				finding.asValue(), Event.NO_CAUSE);
		stop(finding.deadlock() ? Outcome.Status.DEADLOCK : Outcome.Status.HANG, finding.description());
	}

	private void stop(Outcome.Status status, String reason) {
		List<Thread> threadsNow;
		List<Process> processesNow;
		synchronized (lifecycle) {
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
			process.destroy();
		}
		gil.wakeAll();
	}

	/** How an actor whose wait was interrupted ended: the EXIT's value. */
	public String whyInterrupted() {
		if (cancelled) {
			return stopStatus == Outcome.Status.CANCELLED ? "cancelled" : "freed";
		}
		return ending ? "cut off" : "interrupted";
	}

	/** Registers a new actor and records its {@code SPAWN}. */
	public Actor newActor(String name, ActorInfo.Type type, long pid, Actor parent, boolean daemon) {
		Actor actor = registerActor(name, type, pid, parent == null ? ActorInfo.NO_PARENT : parent.id(), daemon);
		hook.instant(actor, EventKind.SPAWN, null, actor.info(), Event.NO_CAUSE);
		return actor;
	}

	/** Registers a new actor without recording anything: for actors whose SPAWN is reported by a child. */
	public Actor registerActor(String name, ActorInfo.Type type, long pid, int parentId, boolean daemon) {
		return new Actor(this, new ActorInfo(actorIds.getAndIncrement(), name, type, pid, parentId, daemon));
	}

	/**
	 * Makes (does not start) the thread that will play {@code actor}, named after the run and the actor.
	 * In the server every run thread is a JVM daemon (a stuck run must never keep the server from
	 * stopping); in a child process the JVM's daemon flag is Python's, so a daemon thread really dies with
	 * its process.
	 */
	public Thread newThread(Actor actor, boolean pythonDaemon, Runnable body) {
		Thread thread = new Thread(() -> {
			actor.bind();
			try {
				body.run();
			}
			finally {
				Actor.unbind();
			}
		}, "run-" + id + "-" + actor.name());
		thread.setDaemon(home == Home.SERVER || pythonDaemon);
		return thread;
	}

	/** Makes a thread of the run's machinery (a pipe reader) that plays no actor; the run still waits for it. */
	public Thread newServiceThread(String role, Runnable body) {
		Thread thread = new Thread(body, "run-" + id + "-" + role);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * Starts a thread of this run; if it is a non-daemon, the main actor will join it before the run ends.
	 * @throws IllegalStateException once the run is ending, as Python refuses new threads at shutdown
	 */
	public void startThread(Thread thread, KeepsProcessAlive nonDaemon) {
		startThread(thread, nonDaemon, null);
	}

	/** The same, for the thread of {@code actor}, who counts for the watchdog from now on (null: none). */
	public void startThread(Thread thread, KeepsProcessAlive nonDaemon, Actor actor) {
		synchronized (lifecycle) {
			refuseWhenEnding();
			if (actor != null) {
				hook.starting(actor);
			}
			threads.add(thread);
			thread.start();
			if (nonDaemon != null) {
				keepAlive.add(nonDaemon);
			}
		}
	}

	/**
	 * Tracks a child process, which the run stops when it ends.
	 * @throws IllegalStateException once the run is ending; the process is killed then
	 */
	public void adopt(Process process) {
		synchronized (lifecycle) {
			if (!ending && !cancelled) {
				processes.add(process);
				return;
			}
		}
		process.destroyForcibly();
		refuseWhenEnding();
	}

	/** Registers a started child process that the main actor must join before the run may end. */
	public void keepAliveUntilEnded(KeepsProcessAlive process) {
		synchronized (lifecycle) {
			refuseWhenEnding();
			keepAlive.add(process);
		}
	}

	private void refuseWhenEnding() {
		if (ending || cancelled) {
			throw new IllegalStateException("can't create new thread at interpreter shutdown (run " + id + " is ending)");
		}
	}

	/** Waits until the run's main thread has ended; after that no thread of the run is alive. */
	public boolean awaitTermination(Duration timeout) throws InterruptedException {
		Thread main = mainThread;
		if (main == null) {
			return true;
		}
		main.join(Math.max(1, timeout.toMillis()));
		return !main.isAlive();
	}

	private static String describe(Throwable ex) {
		try {
			String message = ex.getMessage();
			return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
		}
		catch (RuntimeException broken) {
			return ex.getClass().getSimpleName();
		}
	}

	public long id() {
		return id;
	}


	public RunClock clock() {
		return clock;
	}

	public Recorder recorder() {
		return recorder;
	}

	public Hook hook() {
		return hook;
	}

	public CompletableFuture<Outcome> outcome() {
		return outcome;
	}

	public Watchdog watchdog() {
		return watchdog;
	}

	public Gil gil() {
		return gil;
	}

	/** Sets the emulated GIL; before {@link #start} only. */
	public void useGil(double switchIntervalSeconds, Gil.Mode mode) {
		this.gil = Gil.on(this, switchIntervalSeconds, mode);
	}

	public Gate gate() {
		return gate;
	}

	/** Puts a gate on every step; before {@link #start}, or while running to pause or step. */
	public void useGate(Gate gate) {
		this.gate = gate;
	}

	/** Where a child process of this run takes its place among the server's live children. */
	public ProcessPermits processPermits() {
		return processPermits;
	}

	/** Sets the server's child-process permits for this run; before {@link #start}. */
	public void useProcessPermits(ProcessPermits permits) {
		this.processPermits = permits;
	}

	/** True once the run is being stopped: cancelled, or ended by the watchdog. */
	public boolean isCancelled() {
		return cancelled;
	}


}
