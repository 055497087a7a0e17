package org.threadlab.probe;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.Blocker;
import org.threadlab.run.KeepsProcessAlive;
import org.threadlab.run.Run;

/**
 * Python's {@code threading.Thread} on a real Java thread: created (SPAWN), started (START), ended
 * (EXIT), and joined by others with the wait visible (JOIN ... JOINED, linked to the EXIT that ended it).
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

	};

	/** {@code threading.Thread(target=..., name=..., daemon=...)}. */
	public TracedThread(String name, boolean daemon, Task target) {
		Actor creator = Actor.current();
		this.run = creator.run();
		this.daemon = daemon;
		this.actor = run.newActor(name, ActorInfo.Type.THREAD, ProcessHandle.current().pid(), creator, daemon);
		this.thread = run.newThread(actor, daemon, () -> body(target));
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

	public void start() {
		if (!started.compareAndSet(false, true)) {
			throw new IllegalStateException("threads can only be started once");
		}
		actor.hook().instant(actor, EventKind.START, null, null, Event.NO_CAUSE);
		run.startThread(thread, daemon ? null : this, actor);
	}

	private void body(Task target) {
		String ending = null;
		try {
			actor.hook().entered(actor);
			target.run();
		}
		catch (InterruptedException ex) {
			// The interrupt ends this thread; the EXIT below is how it is reported.
			ending = run.whyInterrupted();
		}
		catch (Exception | Error ex) {
			// As Python does: the exception ends only this thread ("Exception in thread ...").
			ending = "error: " + ex;
		}
		finally {
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
			throw new IllegalStateException("cannot join thread before it is started");
		}
		Actor me = Actor.current();
		if (me == actor) {
			throw new IllegalStateException("cannot join current thread");
		}
		if (timeoutSeconds < 0) {
			me.hook().beforeWait(me, EventKind.JOIN, actor.name(), actor.id(), joinBlocker);
		}
		else {
			me.hook().before(me, EventKind.JOIN, actor.name(), actor.id());
		}
		if (timeoutSeconds < 0) {
			thread.join();
		}
		else {
			TimeUnit.NANOSECONDS.timedJoin(thread, run.clock().realNanos(timeoutSeconds));
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
