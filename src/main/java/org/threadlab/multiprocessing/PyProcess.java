package org.threadlab.multiprocessing;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.threadlab.childjvm.ChildProcess;
import org.threadlab.childjvm.ChildTask;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.ipc.Pickle;
import org.threadlab.run.Actor;
import org.threadlab.builtins.PyErrors;
import org.threadlab.run.Run;

/**
 * Python's {@code multiprocessing.Process} on a real child JVM with its own pid: by target,
 * {@code new PyProcess(() -> getHtml(2))}, or by subclass, overriding {@link #run()}.
 * <p>
 * As CPython's (the spawn start method): made, it is named {@code Process-N} (numbered per run) and has no
 * pid; {@link #start()} pickles it ({@link Pickle}) — this object, with its target and the subclass's fields — and
 * returns once the child is launched, whose first steps are its own; the child unpickles it and calls
 * {@link #run()}. An exception there is printed on the child's standard error as CPython prints it
 * ({@code Process Process-1:}, the traceback, {@code ValueError: boom}), and the exit code is 1.
 * {@link #terminate()} sends SIGTERM and {@link #kill()} SIGKILL (exit codes -15 and -9). When the main
 * program ends, daemonic processes are terminated and the others joined, as {@code multiprocessing}'s
 * exit function does.
 * <p>
 * Events: SPAWN when made (by the maker), STARTING when started (the child's START is its first step),
 * the child's own steps, its EXIT; JOIN ... JOINED by a joiner (value: {@code "exit code N"} or
 * {@code "timed out"}; cause: the EXIT); SIGNAL by whoever terminates or kills it.
 * <p>
 * Thread-safety: any actor of the run may call any method. Fields marked transient stay in the parent:
 * in the child, this object is the process itself ({@code current_process()}).
 */
public class PyProcess implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static volatile PyProcess current;

	private final PyTarget target;

	private final String name;

	/** The class Python's repr names: {@code Process}, or a start method's ({@code SpawnProcess}). */
	private final String className;

	private final boolean daemon;

	private transient Run run;

	private transient Actor actor;

	private transient AtomicBoolean starting;

	private transient volatile ChildProcess child;

	/** True in the child, where this object is the running process. */
	private transient boolean self;

	/** {@code Process(target=...)}. */
	public PyProcess(PyTarget target) {
		this((String) null, false, target);
	}

	/** {@code Process(target=..., name=...)}. */
	public PyProcess(String name, PyTarget target) {
		this(name, false, target);
	}

	/** {@code Process(target=..., name=..., daemon=...)}; a null name is {@code Process-N}. */
	public PyProcess(String name, boolean daemon, PyTarget target) {
		this(number -> name, null, daemon, target);
	}

	/**
	 * A process as a start method's context makes it ({@code ctx.Process(target=...)}): of class
	 * {@code className} ("SpawnProcess"), and named after it from the same counter as every process of
	 * the run ({@code SpawnProcess-3}). A {@code Pool}'s workers are named so too, with "PoolWorker" for
	 * "Process" ({@code SpawnPoolWorker-1}).
	 */
	public static PyProcess ofClass(String className, boolean daemon, PyTarget target) {
		return new PyProcess(number -> className + "-" + number, className, daemon, target);
	}

	/**
	 * A process named after the number it takes, as every process made takes one: a manager's server is
	 * {@code SyncManager-1}, and a process made after it {@code Process-2}, as CPython names them.
	 */
	public static PyProcess numbered(IntFunction<String> nameOfNumber, PyTarget target) {
		return new PyProcess(nameOfNumber, null, false, target);
	}

	private PyProcess(IntFunction<String> nameOfNumber, String className, boolean daemon, PyTarget target) {
		Actor creator = Actor.current();
		this.run = creator.run();
		this.target = target;
		int number = Children.of(run).nextNumber();
		this.className = className != null ? className : "Process";
		String given = nameOfNumber.apply(number);
		// as CPython: unnamed, a subclass's processes are named after their class, GetHtmlProcess-1
		this.name = given != null ? given
				: (getClass() == PyProcess.class ? this.className : getClass().getSimpleName()) + "-" + number;
		this.daemon = daemon;
		this.starting = new AtomicBoolean();
		this.actor = run.newActor(this.name, ActorInfo.Type.PROCESS, 0, creator, daemon);
	}

	/** For a subclass that overrides {@link #run()}, as {@code class X(multiprocessing.Process)}. */
	protected PyProcess() {
		this((String) null, false, null);
	}

	/** For a subclass that overrides {@link #run()}, with a name (null: {@code Process-N}) and the daemon flag. */
	protected PyProcess(String name, boolean daemon) {
		this(name, daemon, (PyTarget) null);
	}

	/** What the process does, in the child: calls the target; subclasses override it. */
	protected void run() throws Exception {
		if (target != null) {
			target.run();
		}
	}

	/**
	 * Starts the process: pickles it, launches a child JVM (or takes a spare), hands it this object, and
	 * returns; {@link #pid()} is known from now on.
	 * @throws org.threadlab.builtins.PyException Python's {@code PicklingError} when the target or a field
	 *         cannot be pickled, or what an object's own pickling raises (no process starts then)
	 */
	public void start() throws InterruptedException {
		if (self) {
			throw new IllegalStateException("can only start a process object created by current process");
		}
		if (!starting.compareAndSet(false, true)) {
			throw new IllegalStateException("cannot start a process twice");
		}
		byte[] pickled;
		try {
			pickled = Pickle.dumpsForSpawning(new Bootstrap(this));
		}
		catch (RuntimeException refused) {
			starting.set(false); // as CPython: nothing was started, and start() may be called again
			throw refused;
		}
		Children children = Children.of(run);
		children.started(run, this);
		try {
			child = ChildProcess.start(actor, pickled);
		}
		catch (IOException ex) {
			children.joined(this);
			throw new UncheckedIOException("cannot start " + name, ex);
		}
	}

	/** Waits until the process has ended. */
	public void join() throws InterruptedException {
		join(-1);
	}

	/** Waits until the process has ended or {@code timeoutSeconds} have passed (negative: no limit). */
	public void join(double timeoutSeconds) throws InterruptedException {
		if (self) {
			throw new IllegalStateException("can only join a child process");
		}
		ChildProcess c = child;
		if (c == null) {
			throw new IllegalStateException("can only join a started process");
		}
		Actor me = Actor.current();
		if (timeoutSeconds < 0) {
			// no blocker: the watchdog cannot see into another process, so it must not count this wait as stuck
			me.hook().before(me, EventKind.JOIN, name, actor.id());
		}
		else {
			me.hook().beforeTimed(me, EventKind.JOIN, name, actor.id(), timeoutSeconds); // a timer: lesson time runs at the speed
		}
		boolean ended = timeoutSeconds < 0 ? c.awaitEnd(-1) : me.hook().awaitTimed(me, nanos -> c.awaitEnd(Math.max(1, nanos)));
		if (ended) {
			Children.of(run).joined(this);
		}
		me.hook().after(me, EventKind.JOINED, name, ended ? "exit code " + c.exitCode() : "timed out",
				ended ? c.exitSeq() : Event.NO_CAUSE);
	}

	/** Python's {@code pid}: None (null) before start, then the child's real pid; in the child, its own. */
	public Long pid() {
		if (self) {
			return Os.getpid();
		}
		ChildProcess c = child;
		return c == null ? null : c.pid();
	}

	/** Python's {@code exitcode}: null before start and while running; 0, 1, or minus a signal's number. */
	public Integer exitcode() {
		ChildProcess c = child;
		return c == null ? null : c.exitCode();
	}

	/** Python's {@code is_alive()}: started and not yet ended (in the child, always). */
	public boolean isAlive() {
		if (self) {
			return true;
		}
		ChildProcess c = child;
		return c != null && c.isAlive();
	}

	/** Python's {@code terminate()}: sends SIGTERM; its exit code becomes -15. */
	public void terminate() {
		signal(ChildProcess.Signal.SIGTERM);
	}

	/** Python's {@code kill()}: sends SIGKILL; its exit code becomes -9. */
	public void kill() {
		signal(ChildProcess.Signal.SIGKILL);
	}

	private void signal(ChildProcess.Signal signal) {
		ChildProcess c = child;
		if (c == null) {
			throw new IllegalStateException("'NoneType' object has no attribute '" + signal.name().toLowerCase() + "': "
					+ name + " was not started");
		}
		c.signal(Actor.current(), signal);
	}

	public String name() {
		return name;
	}

	public boolean daemon() {
		return daemon;
	}

	/** Python's {@code multiprocessing.current_process()} in a child: the process being run there; else null. */
	public static PyProcess current() {
		return current;
	}

	/** As Python's repr: {@code <Process name='Process-1' pid=4243 parent=4242 started daemon>}. */
	@Override
	public String toString() {
		ChildProcess c = child;
		String state;
		if (self) {
			state = "started";
		}
		else if (c == null) {
			state = "initial";
		}
		else {
			Integer code = c.exitCode();
			state = code == null ? "started" : "stopped exitcode=" + code;
		}
		Long pid = pid();
		return "<" + (getClass() == PyProcess.class ? className : getClass().getSimpleName()) + " name='" + name + "'"
				+ (pid == null ? "" : " pid=" + pid) + " parent=" + (self ? Os.getppid() : Os.getpid()) + " " + state
				+ (daemon ? " daemon" : "") + ">";
	}

	/** In the child: becomes the current process and runs; prints an escaping exception as CPython does. */
	private void bootstrap() throws Exception {
		self = true;
		current = this;
		try {
			run();
		}
		catch (Exception | Error ex) {
			printTraceback(ex);
			throw ex;
		}
	}

	/**
	 * CPython's {@code _bootstrap} prints {@code Process <name>:} and the traceback on standard error. Here
	 * each line also goes to the run's console, as a PRINT whose object is {@code "stderr"}; the frames are
	 * those of the scenario's code, most recent call last.
	 */
	private void printTraceback(Throwable ex) {
		List<String> lines = new ArrayList<>();
		lines.add("Process " + name + ":");
		lines.add("Traceback (most recent call last):");
		StackTraceElement[] frames = ex.getStackTrace();
		for (int i = frames.length - 1; i >= 0; i--) {
			StackTraceElement frame = frames[i];
			if (isScenarioCode(frame.getClassName())) {
				lines.add("  File \"" + frame.getFileName() + "\", line " + frame.getLineNumber() + ", in "
						+ pythonFunctionName(frame.getMethodName()));
			}
		}
		lines.add(PyErrors.describe(ex));
		Actor me = Actor.current();
		for (String line : lines) {
			System.err.println(line);
			me.hook().instant(me, EventKind.PRINT, "stderr", line, Event.NO_CAUSE);
		}
		System.err.flush();
	}

	private static boolean isScenarioCode(String className) {
		for (String machinery : new String[] { "java.", "javax.", "jdk.", "sun.", "org.threadlab.run.",
				"org.threadlab.event.", "org.threadlab.childjvm.", "org.threadlab.probe.", "org.threadlab.multiprocessing.PyProcess" }) {
			if (className.startsWith(machinery)) {
				return false;
			}
		}
		return true;
	}

	/** A lambda's body is Python's {@code <lambda>}; a method keeps its name. */
	private static String pythonFunctionName(String method) {
		return method.startsWith("lambda$") ? "<lambda>" : method;
	}

	/** What crosses to the child: this process, whose {@link #bootstrap()} the child calls. */
	private static final class Bootstrap implements ChildTask {

		@Serial
		private static final long serialVersionUID = 1L;

		private final PyProcess process;

		Bootstrap(PyProcess process) {
			this.process = process;
		}

		@Override
		public void run() throws Exception {
			process.bootstrap();
		}

	}

}
