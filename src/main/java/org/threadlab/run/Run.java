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
import org.threadlab.builtins.PyErrors;

/**
 * One run of one scenario: its clock, its trace, its hook, and everything it starts — threads and child
 * processes — which it tears down when it ends, so nothing outlives it.
 * <p>
 * The main program runs on the run's own main thread. When it returns, the main actor joins the
 * threads and processes that keep a Python process alive (non-daemon ones), then the run is
 * <em>ending</em>: nothing new may start (as Python says, "can't create new thread at interpreter
 * shutdown"), daemon threads are cut off, processes are stopped, and once all of it has ended the run
 * records {@code END} with the {@link Outcome}. Only then does {@link #outcome()} complete. Between
 * the joins and the end, Python's {@code atexit} functions run ({@link #atPythonExit}): there
 * {@code multiprocessing} terminates daemonic child processes and joins the others.
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

	/** Made on first use: merely getting a logger starts java.util.logging, ~20 ms of a child JVM's start. */
	private static final class Log {

		static final System.Logger LOG = System.getLogger(Run.class.getName());

	}

	private static final AtomicLong IDS = new AtomicLong();

	private static final Duration TEARDOWN_WAIT = Duration.ofSeconds(5);

	private static final long PID = ProcessHandle.current().pid();

	/**
	 * How long a cause naming another process's event may wait for that process's pipe to bring it: it
	 * happened before, so it is at most a few sender periods behind.
	 */
	private static final long CROSS_PROCESS_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	private final long id;

	private final Home home;

	private final RunClock clock;

	private final Recorder recorder;

	private final Hook hook = new Hook(this);

	private final Watchdog watchdog = new Watchdog();

	private final EventOrigins origins = new EventOrigins(PID);

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

	private final java.util.Deque<RunBody> atPythonExit = new ArrayDeque<>();

	private volatile boolean ending;

	private volatile boolean cancelled;

	private volatile String cancelReason;

	private volatile Outcome.Status stopStatus = Outcome.Status.CANCELLED;

	private volatile Thread mainThread;

	/**
	 * Set, under the write lock, the moment the process's main thread has exited: from then on daemon
	 * threads never run another line. Their recording takes the read lock, so none of their steps can
	 * slip in after main's EXIT.
	 */
	private volatile boolean finalizing;

	private final java.util.concurrent.locks.ReentrantReadWriteLock finalizeLock =
			new java.util.concurrent.locks.ReentrantReadWriteLock();

	private final AtomicInteger threadNumbers = new AtomicInteger();

	private final AtomicInteger poolNumbers = new AtomicInteger();

	private volatile Runnable clockTold = () -> {
	};

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
		java.util.concurrent.atomic.AtomicReference<Outcome> ended = new java.util.concurrent.atomic.AtomicReference<>();
		Thread thread = newThread(main, false, () -> ended.set(runMain(main, body, false)));
		mainThread = thread;
		thread.start();
		boolean interrupted = false;
		while (thread.isAlive()) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				interrupted = true; // the main program decides when the process ends, not the waiting caller
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		Outcome outcome = ended.get();
		return outcome != null ? outcome
				: new Outcome(Outcome.Status.FAILED, "SystemError: the main program could not end cleanly", clock.now(),
						recorder.dropped());
	}

	private Outcome runMain(Actor main, RunBody body, boolean announce) {
		Outcome.Status status = Outcome.Status.COMPLETED;
		String error = null;
		try {
			if (announce) {
				hook.instant(main, EventKind.BEGIN, null, clock.speed(), Event.NO_CAUSE);
			}
			hook.instant(main, EventKind.SPAWN, null, main.info(), Event.NO_CAUSE);
			hook.instant(main, EventKind.START, null, home == Home.CHILD ? PID : null, Event.NO_CAUSE);
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
				runAtPythonExit();
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
			if (home == Home.CHILD) {
				// the process ends now; its daemon threads end with it and the parent records the end
				return new Outcome(status, error, clock.now(), recorder.dropped());
			}
			stopTheRest();
			Outcome result = new Outcome(status, error, clock.now(), recorder.dropped());
			recordAlways(main, EventKind.END, result);
			outcome.complete(result);
			return result;
		}
		finally {
			if (!outcome.isDone() && home == Home.SERVER) {
				// Something broke the teardown itself; whoever waits for this run must still hear of its end.
				outcome.complete(new Outcome(Outcome.Status.FAILED, "SystemError: the run could not end cleanly", clock.now(),
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

	/**
	 * Registers one of Python's {@code atexit} functions: it runs after the non-daemon threads have been
	 * joined, when no new thread may start (as {@code multiprocessing}'s, which terminates daemonic
	 * processes and joins the others). The last registered runs first.
	 */
	public void atPythonExit(RunBody hook) {
		synchronized (lifecycle) {
			refuseWhenEnding();
			atPythonExit.push(hook);
		}
	}

	private void runAtExit() throws InterruptedException {
		runHooks(atExit);
	}

	private void runAtPythonExit() throws InterruptedException {
		runHooks(atPythonExit);
	}

	private void runHooks(java.util.Deque<RunBody> hooks) throws InterruptedException {
		while (true) {
			RunBody next;
			synchronized (lifecycle) {
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
				Log.LOG.log(Level.INFO, "run {0}: an exit hook failed: {1}", id, ex);
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
			// A polite stop (SIGTERM): the child's shutdown sends its last events. Through the handle, for
			// Process.destroy() would also close the pipes, and so lose those events.
			process.toHandle().destroy();
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
				Log.LOG.log(Level.WARNING, "run {0}: process {1} did not stop; killing it", id, process.pid());
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
					Log.LOG.log(Level.WARNING, "run {0}: thread {1} ignored its interrupt and is still running", id,
							thread.getName());
				}
			}
		}
		closeResources();
		if (interrupted) {
			self.interrupt();
		}
	}

	/** The system property that tells a child JVM where its run's folder is. */
	public static final String FOLDER_PROPERTY = "threadlab.run.folder";

	private final Object resourcesLock = new Object();

	// guarded by resourcesLock
	private final java.util.Map<Class<?>, AutoCloseable> resources = new java.util.LinkedHashMap<>();

	private java.nio.file.Path folder;

	/**
	 * The run's own folder on disk, for what crosses between its processes (named pipes, sockets): made
	 * on first use by the server's run and removed with it; a child process is told its parent's folder.
	 */
	public java.nio.file.Path folder() {
		synchronized (resourcesLock) {
			if (folder == null) {
				try {
					String given = System.getProperty(FOLDER_PROPERTY);
					folder = home == Home.CHILD && given != null ? java.nio.file.Path.of(given)
							: java.nio.file.Files.createTempDirectory("threadlab-run-" + id + "-");
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException("cannot make the run's folder", ex);
				}
			}
			return folder;
		}
	}

	/** The folder if one was made, without making one. */
	public java.util.Optional<java.nio.file.Path> folderIfMade() {
		synchronized (resourcesLock) {
			return java.util.Optional.ofNullable(folder);
		}
	}

	/**
	 * The run's one instance of {@code type} (this process's open pipes, say), made on first use and
	 * closed when the run ends, so nothing it holds outlives the run.
	 */
	public <T extends AutoCloseable> T resource(Class<T> type, java.util.function.Supplier<T> make) {
		synchronized (resourcesLock) {
			// not computeIfAbsent: making one resource may take another (a lifeline opens its pipe)
			AutoCloseable known = resources.get(type);
			if (known == null) {
				known = make.get();
				resources.put(type, known);
			}
			return type.cast(known);
		}
	}

	/** The run's instance of {@code type} if one was made. */
	public <T extends AutoCloseable> java.util.Optional<T> resourceIfMade(Class<T> type) {
		synchronized (resourcesLock) {
			return java.util.Optional.ofNullable(type.cast(resources.get(type)));
		}
	}

	/**
	 * Closes the run's resources and removes its folder; after every thread and process has ended. A child
	 * process calls it as it exits: closing its pipes wakes a daemon thread blocked reading one, which
	 * would otherwise hold the JVM's exit up for 300 ms (its folder is its parent's to remove).
	 */
	public void closeResources() {
		List<AutoCloseable> open;
		java.nio.file.Path made;
		synchronized (resourcesLock) {
			open = new ArrayList<>(resources.values());
			resources.clear();
			made = home == Home.SERVER ? folder : null;
		}
		for (AutoCloseable resource : open) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				Log.LOG.log(Level.WARNING, "run {0}: a resource did not close: {1}", id, ex);
			}
		}
		if (made != null) {
			try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(made)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
			catch (java.io.IOException ex) {
				Log.LOG.log(Level.WARNING, "run {0}: its folder {1} was not removed: {2}", id, made, ex);
			}
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
		recorder.record(stamp(), finder.id(), finding.deadlock() ? EventKind.DEADLOCK : EventKind.HANG,
				String.join(", ", finding.objects()), finding.asValue(), 0, Event.NO_CAUSE);
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
			process.toHandle().destroy(); // SIGTERM, the pipes left open: see stopTheRest
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

	/**
	 * A cause naming event {@code seq} as process {@code pid} numbered it, for an event recorded in this
	 * process: the seq itself for this process's own events; in a child, a foreign cause that the pipe
	 * carries to the parent ({@link EventOrigins#foreign}); in the server, the run's seq of that event,
	 * waiting a moment if its pipe has not brought it yet ({@link Event#NO_CAUSE} if it never comes).
	 */
	public long causeOf(long pid, long seq) {
		if (seq < 0) {
			return Event.NO_CAUSE;
		}
		if (pid == PID) {
			return seq;
		}
		if (home == Home.CHILD) {
			return EventOrigins.foreign(pid, seq);
		}
		return origins.find(pid, seq, CROSS_PROCESS_WAIT_NANOS);
	}

	/** Where the events of this run's child processes landed in its trace; their pipe readers fill it. */
	public EventOrigins origins() {
		return origins;
	}

	/** How long a pipe reader may wait for another process's event that a cause names. */
	public static long crossProcessWaitNanos() {
		return CROSS_PROCESS_WAIT_NANOS;
	}

	/** The pid of the process this run object lives in (the server, or a child JVM). */
	public static long pid() {
		return PID;
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
		Thread thread = new RunThread(() -> {
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
		return PyErrors.describe(ex);
	}

	/** The time an event of this process is stamped with: lesson time; in a child, real time (see record). */
	long stamp() {
		return home == Home.CHILD ? clock.realNow() : clock.now();
	}

	/**
	 * Records a step of {@code actor} at the run's current time. A child process stamps its events with
	 * real time, which its parent turns into the run's lesson time as they arrive.
	 * A daemon's step made once its process finalizes is not recorded: it never happened in Python.
	 */
	long record(Actor actor, EventKind kind, String object, Object value, int line, long cause) {
		if (!actor.info().daemon()) {
			return recorder.record(stamp(), actor.id(), kind, object, value, line, cause);
		}
		java.util.concurrent.locks.Lock read = finalizeLock.readLock();
		read.lock();
		try {
			if (finalizing) {
				return Event.NO_CAUSE;
			}
			return recorder.record(stamp(), actor.id(), kind, object, value, line, cause);
		}
		finally {
			read.unlock();
		}
	}

	/** Records what the run itself says of an actor (its end, the run's end), daemon or not, without a line. */
	long recordAlways(Actor actor, EventKind kind, Object value) {
		return recordAlways(actor, kind, value, Event.NO_CAUSE);
	}

	/** The same, with a cause: what the run saw end an actor (a child killed by a signal, say). */
	public long recordAlways(Actor actor, EventKind kind, Object value, long cause) {
		return recorder.record(stamp(), actor.id(), kind, null, value, 0, cause);
	}

	/** Runs {@code exit} (the main thread's EXIT) and marks the process finalizing, as one step for daemons. */
	long finalizeWith(java.util.function.LongSupplier exit) {
		java.util.concurrent.locks.Lock write = finalizeLock.writeLock();
		write.lock();
		try {
			long seq = exit.getAsLong();
			finalizing = true;
			return seq;
		}
		finally {
			write.unlock();
		}
	}

	/** Whether the process's main thread has exited: daemon threads go no further. */
	public boolean isFinalizing() {
		return finalizing;
	}

	/**
	 * A timer of {@code actor}, {@code lessonNanos} long, starts (see {@link RunClock}). In a child process
	 * the parent must know of it too, since the run's lesson time is the parent's: it is told on the
	 * event pipe (a CLOCK event: object the timer's id, value its length; then -1 when it ends early).
	 * @return the timer's id
	 */
	long timerStarted(Actor actor, long lessonNanos) {
		long now = clock.realNow();
		long id = clock.timerStarted(now, lessonNanos);
		if (home == Home.CHILD) {
			recorder.record(now, actor.id(), EventKind.CLOCK, Long.toString(id), Math.max(1, lessonNanos), 0,
					Event.NO_CAUSE);
			clockTold.run();
		}
		return id;
	}

	/** The timer {@code id} of {@code actor} ends now, early if it is not yet due. */
	void timerEnded(Actor actor, long id) {
		long now = clock.realNow();
		clock.timerEnded(now, id);
		if (home == Home.CHILD) {
			recorder.record(now, actor.id(), EventKind.CLOCK, Long.toString(id), -1L, 0, Event.NO_CAUSE);
			clockTold.run();
		}
	}

	/**
	 * In a child: what to do once a CLOCK event is recorded — send it to the parent at once (the parent's
	 * lesson time depends on it). Set before the run starts.
	 */
	public void onClockEvent(Runnable send) {
		this.clockTold = send;
	}

	/**
	 * In a child: sends what was recorded to the parent now rather than at the sender's next period, for an
	 * event that another process is about to name as its cause (a manager's reply, which its caller waits
	 * for). Does nothing in the server. Never blocks.
	 */
	public void sendSoon() {
		clockTold.run();
	}

	/** The next number of a thread named by Python ("Thread-N"): from 1, per process, as CPython counts. */
	public int nextThreadNumber() {
		return threadNumbers.incrementAndGet();
	}

	/** The next number of a thread pool ("ThreadPoolExecutor-N_k"): from 0, per process. */
	public int nextPoolNumber() {
		return poolNumbers.getAndIncrement();
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
