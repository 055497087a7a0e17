package org.threadlab.probe;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.builtins.PyErrors;
import org.threadlab.run.Actor;
import org.threadlab.run.Blocker;
import org.threadlab.run.KeepsProcessAlive;
import org.threadlab.run.Run;
import org.threadlab.builtins.PyRuntimeError;

/**
 * Python's {@code threading.Thread} on a real Java thread: created (SPAWN), started (START), ended
 * (EXIT), and joined by others with the wait visible (JOIN ... JOINED, linked to the EXIT that ended it).
 * <p>
 * {@link #start()} returns only once the new thread runs, as CPython's does (it waits on the thread's
 * {@code _started} event): under the emulated GIL the creator must then take the GIL back from the new
 * thread, which keeps running until it blocks or a switch interval of its own running asks it to let
 * go. So what a new thread does first happens before its creator's next line, in every run. Without
 * the GIL, both go on in parallel from there.
 * <p>
 * A thread whose target raises ends alone, as in Python, which reports it on standard error:
 * {@code Exception in thread Thread-1 (fn):} and the exception; here a PRINT on {@code stderr}.
 * <p>
 * Thread-safety: any actor of the run may call any method. {@link #start()} works once.
 * Interruption: {@link #join()} throws {@link InterruptedException} when the run is cancelled. Inside the
 * thread, an interrupt ends the target; its EXIT then says whether the run cut it off (a daemon at the
 * end of the run) or it was stopped by a cancel.
 */
public class TracedThread implements KeepsProcessAlive {

	private final Actor actor;

	private final Run run;

	private final boolean daemon;

	private final Thread thread;

	private final AtomicBoolean started = new AtomicBoolean();

	/** Python's {@code _started} event: set by the new thread once it runs. */
	private final CountDownLatch running = new CountDownLatch(1);

	private volatile long exitSeq = Event.NO_CAUSE;

	/** What a join waits on, for the watchdog: this thread's end. */
	private final Blocker joinBlocker = new Blocker() {

		@Override
		public String name() {
			return actor.name();
		}

		@Override
		public boolean canProceed(Actor waiter) {
			return actor.hasExited();
		}

		@Override
		public List<Actor> holders() {
			return List.of(actor); // only its end lets the join go on
		}

		@Override
		public String kind() {
			return "join";
		}

	};

	/**
	 * {@code threading.Thread(target=fn)} without a name: named as CPython names it, {@code Thread-N (fn)}
	 * with N counting the unnamed threads of the process from 1.
	 */
	public TracedThread(Task target, String targetName, boolean daemon) {
		this(pythonName(targetName), daemon, target);
	}

	/** {@code threading.Thread(target=..., name=..., daemon=...)}. */
	public TracedThread(String name, boolean daemon, Task target) {
		Actor creator = Actor.current();
		this.run = creator.run();
		this.daemon = daemon;
		this.actor = run.newActor(name, ActorInfo.Type.THREAD, ProcessHandle.current().pid(), creator, daemon);
		this.thread = run.newThread(actor, daemon, () -> body(target));
	}

	/** For subclasses that override {@link #run()} and pass no name: {@code Thread-N}, as CPython names it. */
	protected TracedThread(boolean daemon) {
		this(pythonName(null), daemon);
	}

	/** For subclasses that override {@link #run()}, as Python's {@code class X(threading.Thread)} does. */
	protected TracedThread(String name, boolean daemon) {
		Actor creator = Actor.current();
		this.run = creator.run();
		this.daemon = daemon;
		this.actor = run.newActor(name, ActorInfo.Type.THREAD, ProcessHandle.current().pid(), creator, daemon);
		this.thread = run.newThread(actor, daemon, () -> body(this::run));
	}

	/** What the thread does; subclasses override it (the constructor with a target does not call it). */
	protected void run() throws Exception {
	}

	private static String pythonName(String targetName) {
		int number = Actor.current().run().nextThreadNumber();
		return targetName == null ? "Thread-" + number : "Thread-" + number + " (" + targetName + ")";
	}

	/** {@code thread.start()}: returns once the new thread runs (see the class comment). */
	public void start() throws InterruptedException {
		if (!started.compareAndSet(false, true)) {
			throw new PyRuntimeError("threads can only be started once");
		}
		Actor me = Actor.current();
		actor.hook().instant(actor, EventKind.START, null, null, Event.NO_CAUSE);
		run.startThread(thread, daemon ? null : this, actor);
		me.hook().awaitStarted(me, running);
	}

	private void body(Task target) {
		String ending = null;
		try {
			actor.hook().entered(actor);
			running.countDown();
			target.run();
		}
		catch (InterruptedException ex) {
			// The interrupt ends this thread; the EXIT below is how it is reported.
			ending = run.whyInterrupted();
		}
		catch (Exception | Error ex) {
			// As Python does: the exception ends only this thread, reported on standard error.
			ending = "error: " + PyErrors.describe(ex);
			actor.hook().instant(actor, EventKind.PRINT, "stderr",
					"Exception in thread " + actor.name() + ":\n" + PyErrors.describe(ex), Event.NO_CAUSE);
		}
		finally {
			running.countDown(); // never leave the creator waiting, however this thread ended
			if (actor.markExited()) {
				exitSeq = actor.hook().exited(actor, ending);
			}
		}
	}

	/** Waits until the thread has ended. */
	@Override
	public void join() throws InterruptedException {
		join(-1);
	}

	/** Waits until the thread has ended or {@code timeoutSeconds} of tutorial time passed (negative: no limit). */
	public void join(double timeoutSeconds) throws InterruptedException {
		if (!started.get()) {
			throw new PyRuntimeError("cannot join thread before it is started");
		}
		Actor me = Actor.current();
		if (me == actor) {
			throw new PyRuntimeError("cannot join current thread");
		}
		if (timeoutSeconds < 0) {
			me.hook().beforeWait(me, EventKind.JOIN, actor.name(), actor.id(), joinBlocker);
		}
		else {
			me.hook().beforeTimed(me, EventKind.JOIN, actor.name(), actor.id(), timeoutSeconds);
		}
		if (timeoutSeconds < 0) {
			thread.join();
		}
		else {
			me.hook().awaitTimed(me, nanos -> {
				TimeUnit.NANOSECONDS.timedJoin(thread, nanos);
				return !thread.isAlive();
			});
		}
		boolean ended = !thread.isAlive();
		me.hook().after(me, EventKind.JOINED, actor.name(), ended ? null : "timed out", ended ? exitSeq : Event.NO_CAUSE);
	}

	public boolean isAlive() {
		return thread.isAlive();
	}

	public boolean isDaemon() {
		return daemon;
	}

	public String getName() {
		return actor.name();
	}

}
