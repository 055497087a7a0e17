package org.threadlab.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.event.Recorder;

/**
 * One run of one scenario: its clock, its trace, its hook, and everything it starts — threads and child
 * processes — which it tears down when it ends, so nothing outlives it. This is what callers hold; its
 * parts do the work: {@link RunLifecycle} its course and end (how the main program's end leads to the
 * run's), {@link RunTrace} its recording, {@link RunResources} its folder and resources.
 * <p>
 * A run's {@link Home} says where its threads live: in the server (the JVM never exits, so a Python
 * daemon thread is cut off by the run) or in a child process (the JVM is the Python process, so a daemon
 * thread really dies when the process ends, and the parent records the run's end). Each home has its
 * {@link Residence}, which decides wherever the two differ.
 * <p>
 * Thread-safety: every public method may be called from any thread. Starting a thread or process and
 * the switch to ending take one lock (the lifecycle's), so nothing can start behind the teardown's back;
 * recording never takes it.
 */
public final class Run {

	/** Where a run's threads live; each home has the {@link Residence} that runs there. */
	public enum Home {

		SERVER(new ServerResidence()), CHILD(new ChildResidence());

		private final Residence residence;

		Home(Residence residence) {
			this.residence = residence;
		}

	}

	/** The system property that tells a child JVM where its run's folder is. */
	public static final String FOLDER_PROPERTY = "threadlab.run.folder";

	private static final AtomicLong IDS = new AtomicLong();

	private static final long PID = ProcessHandle.current().pid();

	private final long id;

	private final Home home;

	private final RunClock clock;

	private final Recorder recorder;

	private final RunTrace trace;

	private final RunLifecycle lifecycle;

	private final RunResources resources;

	private final PythonNames names = new PythonNames();

	private final RunRemotes remotes;

	private final Hook hook = new Hook(this);

	private final Watchdog watchdog = new Watchdog((finder, finding) -> stopFor(finder, finding));

	private final ChildActors childActors = new ChildActors(this);

	private final AtomicInteger actorIds = new AtomicInteger();

	private volatile Gil gil = Gil.off();

	private volatile Gate gate;

	private volatile ProcessPermits processPermits = ProcessPermits.UNLIMITED;

	public Run(Home home, RunClock clock, long traceCapacity) {
		this.id = IDS.incrementAndGet();
		this.home = home;
		this.clock = clock;
		this.recorder = new Recorder(traceCapacity);
		this.trace = new RunTrace(clock, recorder, home.residence);
		this.lifecycle = new RunLifecycle(this, home.residence);
		this.resources = new RunResources(id, home.residence);
		this.remotes = new RunRemotes(this);
	}

	/** Starts the main program on a new thread playing the actor {@code mainName}. Call once. */
	public void start(String mainName, RunBody body) {
		// Only the run's own threads record (the caller may be a web server's thread, kept for years).
		Actor main = registerActor(mainName, ActorInfo.Type.THREAD, PID, ActorInfo.NO_PARENT, false);
		lifecycle.startMain(newThread(main, false, () -> lifecycle.runMain(main, body, true)));
	}

	/**
	 * In a child process: plays the main actor, whose START (value: this process's pid) is the process's
	 * first step, while the calling thread (the JVM's main thread) waits. Returns once the main program and
	 * the non-daemon threads have ended, with how it went; the caller then ends the process.
	 * <p>
	 * The main actor runs on a thread of the run, not on the caller: there scenario code keeps its line in
	 * a field of its thread ({@link Lines}), where any other thread pays a thread-local lookup per call —
	 * CPU-bound code in a child ran three to ten times slower (fib(30): 8.5 ms on a run's thread, 20 to
	 * 100 ms on the JVM's main thread).
	 */
	public Outcome runHere(String mainName, RunBody body) {
		Actor main = registerActor(mainName, ActorInfo.Type.PROCESS, PID, ActorInfo.NO_PARENT, false);
		AtomicReference<Outcome> ended = new AtomicReference<>();
		return lifecycle.runMainHere(newThread(main, false, () -> ended.set(lifecycle.runMain(main, body, false))),
				ended::get);
	}

	/**
	 * Registers something to do when the main program has returned, before the non-daemon threads are
	 * joined: CPython's {@code threading._register_atexit}, with which a thread pool shuts itself down.
	 */
	public void atExit(RunBody hook) {
		lifecycle.atExit(hook);
	}

	/**
	 * Registers one of Python's {@code atexit} functions: it runs after the non-daemon threads have been
	 * joined, when no new thread may start (as {@code multiprocessing}'s, which terminates daemonic
	 * processes and joins the others). The last registered runs first.
	 */
	public void atPythonExit(RunBody hook) {
		lifecycle.atPythonExit(hook);
	}

	/** Stops the run: every blocking step of every actor is interrupted; the run ends as cancelled. */
	public void cancel() {
		cancel(null);
	}

	/** Stops the run, saying why in its outcome (null: the user asked). */
	public void cancel(String reason) {
		lifecycle.stop(Outcome.Status.CANCELLED, reason);
	}

	/**
	 * The watchdog found a deadlock or a hang: records it, then stops the run, which frees every blocked
	 * thread (each is interrupted in its wait) so that nothing is left behind.
	 */
	void stopFor(Actor finder, Watchdog.Finding finding) {
		trace.recordFinding(finder, finding);
		lifecycle.stop(finding.deadlock() ? Outcome.Status.DEADLOCK : Outcome.Status.HANG, finding.description());
	}

	/** How an actor whose wait was interrupted ended: the EXIT's value. */
	public String whyInterrupted() {
		return lifecycle.whyInterrupted();
	}

	/** True once the run is being stopped: cancelled, or ended by the watchdog. */
	public boolean isCancelled() {
		return lifecycle.isCancelled();
	}

	/** Waits until the run's main thread has ended; after that no thread of the run is alive. */
	public boolean awaitTermination(Duration timeout) throws InterruptedException {
		return lifecycle.awaitTermination(timeout);
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
	 * Makes (does not start) the thread that will play {@code actor}, named after the run and the actor;
	 * a JVM daemon or not as {@link Residence#jvmDaemon} says.
	 */
	public Thread newThread(Actor actor, boolean pythonDaemon, Runnable body) {
		Thread thread = new RunThread(() -> {
			actor.bind();
			try {
				body.run();
			}
			finally {
				Actor.unbind();
			}
		}, "run-" + id + "-" + actor.name());
		thread.setDaemon(home.residence.jvmDaemon(pythonDaemon));
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
		lifecycle.startThread(thread, nonDaemon, actor);
	}

	/**
	 * Tracks a child process, which the run stops when it ends.
	 * @throws IllegalStateException once the run is ending; the process is killed then
	 */
	public void adopt(Process process) {
		lifecycle.adopt(process);
	}

	/** The run's folder on disk, for what crosses between its processes (named pipes, sockets). */
	public Path folder() {
		return resources.folder();
	}

	/** The run's one instance of {@code type} (this process's open pipes, say), closed when the run ends. */
	public <T extends AutoCloseable> T resource(Class<T> type, Supplier<T> make) {
		return resources.resource(type, make);
	}

	/** The run's instance of {@code type} if one was made. */
	public <T extends AutoCloseable> Optional<T> resourceIfMade(Class<T> type) {
		return resources.resourceIfMade(type);
	}

	/**
	 * Closes the run's resources and removes its folder; after every thread and process has ended. A child
	 * process calls it as it exits: closing its pipes wakes a daemon thread blocked reading one, which
	 * would otherwise hold the JVM's exit up for 300 ms (its folder is its parent's to remove).
	 */
	public void closeResources() {
		remotes.close();
		resources.close();
	}

	/**
	 * A cause naming event {@code seq} as process {@code pid} numbered it, for an event recorded in this
	 * process (see {@link RunTrace#causeOf}).
	 */
	public long causeOf(long pid, long seq) {
		return trace.causeOf(pid, seq);
	}

	/** Where the events of this run's child processes landed in its trace; their pipe readers fill it. */
	public EventOrigins origins() {
		return trace.origins();
	}

	/** How long a pipe reader may wait for another process's event that a cause names. */
	public static long crossProcessWaitNanos() {
		return RunTrace.CROSS_PROCESS_WAIT_NANOS;
	}

	/** The pid of the process this run object lives in (the server, or a child JVM). */
	public static long pid() {
		return PID;
	}

	/** Records what the run saw end an actor (a child killed by a signal, say), daemon or not, with a cause. */
	public long recordAlways(Actor actor, EventKind kind, Object value, long cause) {
		return trace.recordAlways(actor, kind, value, cause);
	}

	/**
	 * In a child: the run's lesson time is the parent's. Its clock follows the segments the parent sends
	 * and reports its timers and busy spells as CLOCK events, which {@code send} sends to the parent at
	 * once (as it sends the gate's GATE events). Set before the run starts.
	 */
	public void followParent(Runnable send) {
		trace.onParentTold(send);
		clock.followParent(trace.parentReports());
	}

	/**
	 * In a child: sends what was recorded to the parent now rather than at the sender's next period, for an
	 * event that another process is about to name as its cause (a manager's reply, which its caller waits
	 * for). Does nothing in the server. Never blocks.
	 */
	public void sendSoon() {
		trace.sendSoon();
	}

	/** The next number of a thread named by Python ("Thread-N"): from 1, per process, as CPython counts. */
	public int nextThreadNumber() {
		return names.nextThreadNumber();
	}

	/** The next number of a thread pool ("ThreadPoolExecutor-N_k"): from 0, per process. */
	public int nextPoolNumber() {
		return names.nextPoolNumber();
	}

	public Home home() {
		return home;
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

	/** In the server: what the watchdog hears of the actors of the run's child processes. */
	public ChildActors childActors() {
		return childActors;
	}

	/** Where the run's threads live, and all that differs there. */
	Residence residence() {
		return home.residence;
	}

	/** The run's trace, through which the hook and the GIL record. */
	RunTrace trace() {
		return trace;
	}

	public CompletableFuture<Outcome> outcome() {
		return lifecycle.outcome();
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
		if (gate != null) {
			gate.attachTo(this);
		}
	}

	/** The run's child processes, as its clock and its pause gate reach them. */
	public RunRemotes remotes() {
		return remotes;
	}

	/** Where a child process of this run takes its place among the server's live children. */
	public ProcessPermits processPermits() {
		return processPermits;
	}

	/** Sets the server's child-process permits for this run; before {@link #start}. */
	public void useProcessPermits(ProcessPermits permits) {
		this.processPermits = permits;
	}

}
