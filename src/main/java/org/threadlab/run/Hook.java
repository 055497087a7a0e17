package org.threadlab.run;

import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;

/**
 * The one path every probe operation takes. A blocking operation calls {@link #before} (or
 * {@link #beforeTimed} for a sleep or a wait with a timeout, or {@link #beforeWait} when it may wait for
 * ever) on the acting thread just before the real blocking call, and {@link #after} just after it
 * returns; an operation that does not block calls {@link #instant}. This is the single place where
 * steps are recorded and where the run's parts attach: the {@link Gate} (pause, step, forced
 * interleavings), the emulated {@link Gil}, the {@link Watchdog}, the run's lesson clock (who is busy,
 * every timer: {@link ActorTimes}) and the end of daemon threads when their process finalizes. A new primitive calls the hook; it never
 * re-implements any of them.
 * <p>
 * Thread-safety: called concurrently by every actor of the run; the parts document their own.
 * Interruption: {@link #before} and {@link #beforeWait} throw {@link InterruptedException} when the run
 * is being stopped, so a stopped actor does not start a new wait.
 */
public final class Hook {

	private final Run run;

	private final ActorTimes times;

	private final Stops stops;

	Hook(Run run) {
		this.run = run;
		this.times = new ActorTimes(run);
		this.stops = new Stops(run, times);
	}

	/**
	 * Records a step that does not block.
	 * @return the recorded event's sequence number, for causal links, or -1 if the trace was full
	 */
	public long instant(Actor actor, EventKind kind, String object, Object value, long cause) {
		passQuietly(actor, kind, object);
		run.gil().switchPoint(actor, Gil.SwitchPoint.CALL);
		return record(actor, kind, object, value, cause);
	}

	/** Records the start of a blocking step that is not a timer and need not be watched (a process join). */
	public long before(Actor actor, EventKind kind, String object, Object value) throws InterruptedException {
		return beforeWait(actor, kind, object, value, null);
	}

	/**
	 * Records the start of a timer: a sleep, or a wait with a timeout of {@code seconds} (tutorial
	 * seconds), which ends when it is due or at its {@link #after}, if that comes first.
	 */
	public long beforeTimed(Actor actor, EventKind kind, String object, Object value, double seconds)
			throws InterruptedException {
		long seq = begin(actor, kind, object, value);
		times.startTimer(actor, seconds);
		block(actor, null);
		return seq;
	}

	/** Sleeps until the actor's timer is due (see {@link #beforeTimed}): a sleep's real wait. */
	public void sleepOut(Actor actor) throws InterruptedException {
		times.sleepOut(actor);
	}

	/**
	 * The real wait of a timed step (begun by {@link #beforeTimed}, or {@link #take} with a timeout): waits
	 * with {@code wait} until it is done or the actor's timer is due on the run's clock, so a timeout lasts
	 * its lesson seconds whatever the rate of lesson time meanwhile (the learner's pause holds it, a step
	 * that moves lesson time ends it). Without a timer, looks once.
	 * @return whether {@code wait} said it was done (false: the timeout came first)
	 */
	public boolean awaitTimed(Actor actor, TimedWait wait) throws InterruptedException {
		return times.awaitTimed(actor, wait);
	}

	/**
	 * Records the start of a blocking step; called right before the real blocking call. With a
	 * {@code blocker}, the step may wait for ever, and the watchdog checks whether it closes a deadlock
	 * or leaves the run hanging; if so the run is stopped, which interrupts this very wait.
	 */
	public long beforeWait(Actor actor, EventKind kind, String object, Object value, Blocker blocker)
			throws InterruptedException {
		long seq = begin(actor, kind, object, value);
		block(actor, blocker);
		return seq;
	}

	/**
	 * Records the start of a step that may or may not have to block, keeping the GIL: a lock is first
	 * tried without waiting, as CPython does, and only if that fails does the thread {@link #block}.
	 */
	public long begin(Actor actor, EventKind kind, String object, Object value) throws InterruptedException {
		pass(actor, kind, object, Gil.SwitchPoint.CALL);
		run.gil().switchPoint(actor, Gil.SwitchPoint.CALL);
		return record(actor, kind, object, value, Event.NO_CAUSE);
	}

	/**
	 * Takes a lock, permit or the like as CPython's acquire does, recording {@code kind} first: without
	 * blocking, one try; else a try keeping the GIL, and only if that fails a real blocking take, which
	 * drops the GIL and, when it may last for ever, is watched by the watchdog. The primitive records
	 * the end (with what it then holds) itself, with {@link #after}.
	 * @param timeoutSeconds tutorial seconds to wait at most; negative: for ever
	 */
	public boolean take(Actor actor, EventKind kind, String object, Object value, Blocker blocker, boolean blocking,
			double timeoutSeconds, Taking taking) throws InterruptedException {
		if (!blocking) {
			instant(actor, kind, object, "non-blocking", Event.NO_CAUSE);
			return taking.now().getAsBoolean();
		}
		begin(actor, kind, object, value);
		if (taking.now().getAsBoolean()) {
			return true; // free: taken without letting go of the GIL
		}
		if (timeoutSeconds == 0) {
			return false; // CPython's timed acquire tries once more without waiting, keeping the GIL
		}
		if (timeoutSeconds < 0) {
			block(actor, blocker);
			taking.forever().take();
			return true;
		}
		times.startTimer(actor, timeoutSeconds);
		block(actor, null);
		return awaitTimed(actor, nanos -> taking.within().take(nanos));
	}

	/**
	 * The step begun must really block, for ever, on {@code object}, which another process of the run may
	 * end (a process queue's item; {@code ready}: whether it could go on now). In the server the watchdog
	 * watches the wait; a child tells its parent, whose watchdog sees every process ({@link ChildActors}).
	 */
	public void blockAcrossProcesses(Actor actor, String object, java.util.function.BooleanSupplier ready) {
		block(actor, run.residence().acrossProcesses(run.trace(), actor, object, ready));
	}

	/**
	 * The step begun must really block: the GIL is dropped, the actor is no longer busy on the run's
	 * clock, and with a blocker the watchdog looks. A wait without a timer has come to rest: only another
	 * actor (maybe in another process) can end it.
	 */
	public void block(Actor actor, Blocker blocker) {
		run.gil().release(actor);
		times.idle(actor);
		if (blocker != null) {
			waitingOn(actor, blocker);
		}
		else if (!times.timed(actor)) {
			settled(actor);
		}
	}

	/**
	 * Tells the watchdog that the actor is about to wait on {@code blocker} with no timeout, for a step
	 * that records its start first and lets go of something before it blocks (a condition's wait
	 * releases its lock in between). If the wait closes a deadlock or leaves the run hanging, the run is
	 * stopped, which interrupts this very wait.
	 */
	public void waitingOn(Actor actor, Blocker blocker) {
		times.idle(actor);
		settled(actor);
		Watchdog.Finding finding = run.watchdog().waiting(actor, blocker);
		if (finding != null) {
			run.stopFor(actor, finding);
		}
	}

	/**
	 * Readies a step of the size of one bytecode (a read, a write): it passes the gate, and the GIL may
	 * change hands here when switch points fall between bytecodes. The primitive then does the step and
	 * records it with {@link #instantInside}, with the value it really read or wrote.
	 * @throws InterruptedException when the run is stopping: loops of such steps end there
	 */
	public void step(Actor actor, EventKind kind, String object) throws InterruptedException {
		pass(actor, kind, object, Gil.SwitchPoint.BYTECODE);
		run.gil().switchPoint(actor, Gil.SwitchPoint.BYTECODE);
	}

	/**
	 * Records the end of a blocking step; called right after the real blocking call returned. Then the
	 * actor takes the GIL back, as a woken CPython thread does before it runs Python code again.
	 */
	public long after(Actor actor, EventKind kind, String object, Object value, long cause) {
		long seq = afterInside(actor, kind, object, value, cause);
		resume(actor);
		return seq;
	}

	/**
	 * {@link #after} for a primitive that still holds an inner lock of its own (a queue's mutex): records
	 * the end without taking the GIL, which must never be awaited while holding another lock. The
	 * primitive calls {@link #resume} once it has let go of its lock.
	 */
	public long afterInside(Actor actor, EventKind kind, String object, Object value, long cause) {
		times.running(actor);
		long seq = record(actor, kind, object, value, cause);
		run.watchdog().running(actor);
		return seq;
	}

	/** Lets go of the GIL before a short wait for a primitive's inner lock; {@link #resume} takes it back. */
	public void release(Actor actor) {
		run.gil().release(actor);
	}

	/** Takes the GIL back after {@link #afterInside} or {@link #release}. */
	public void resume(Actor actor) {
		run.gil().acquire(actor);
		if (stops.daemonStops(actor)) {
			stops.parkForGood();
		}
	}

	/**
	 * Records a step that does not block, without a gate or a switch point: made while a primitive holds
	 * an inner lock of its own (both may block), or after {@link #step} has done them.
	 */
	public long instantInside(Actor actor, EventKind kind, String object, Object value, long cause) {
		return record(actor, kind, object, value, cause);
	}

	/**
	 * An actor is being started (by its creator, before its thread runs): it now counts for the watchdog,
	 * and as busy on the run's clock.
	 */
	public void starting(Actor actor) {
		run.watchdog().started(actor);
		times.busy(actor);
	}

	/** An actor's own thread begins to run its code: it takes the GIL first, as a Python thread does. */
	public void entered(Actor actor) {
		run.gil().acquire(actor);
	}

	/**
	 * The creator of a thread waits, as CPython's {@code Thread.start()} waits on the new thread's
	 * {@code _started} event, until the new thread runs: it lets go of the GIL, and once woken it must
	 * take the GIL back from the new thread, which keeps it until it blocks or a switch interval of its
	 * own running asks it to let go. Nothing is recorded but the GIL's hand-overs.
	 */
	public void awaitStarted(Actor creator, CountDownLatch started) throws InterruptedException {
		run.gil().release(creator);
		try {
			started.await();
		}
		finally {
			resume(creator);
		}
	}

	/** Records an actor's end; the others may be stuck for good now, which the watchdog checks. */
	public long exited(Actor actor, Object value) {
		return ended(actor, () -> stops.daemonStops(actor)
				// its process has ended under it
				? run.trace().recordAlways(actor, EventKind.EXIT, "cut off", Event.NO_CAUSE)
				: record(actor, EventKind.EXIT, null, value, Event.NO_CAUSE));
	}

	/**
	 * Records the end of a process's main thread: from this moment the process finalizes, and its daemon
	 * threads never run another line (CPython stops them when they next want the GIL).
	 */
	long mainExited(Actor main, Object value) {
		run.clock().ending(); // the process's own end is machinery: no sleep of a daemon runs fast beside it
		return ended(main,
				() -> run.trace().finalizeWith(() -> record(main, EventKind.EXIT, null, value, Event.NO_CAUSE)));
	}

	/** An actor's last step, recorded by {@code exit}: the gate, the timer, the GIL and the watchdog let it go. */
	private long ended(Actor actor, LongSupplier exit) {
		Gate gate = run.gate();
		if (gate != null) {
			gate.holds(actor, EventKind.EXIT, null); // the last step: a gate may want to know it was taken
			gate.exited(actor);
		}
		times.ended(actor);
		long seq = exit.getAsLong();
		run.gil().release(actor);
		Watchdog.Finding finding = run.watchdog().exited(actor);
		if (finding != null) {
			run.stopFor(actor, finding);
		}
		return seq;
	}

	/**
	 * A loop's back-edge: where CPython 3.10 and later may hand the GIL over. Throws when the run is
	 * stopping, so that loops with no blocking step in them still end.
	 */
	public void backEdge(Actor actor) throws InterruptedException {
		stops.stopIfStopping(actor);
		run.gil().switchPoint(actor, Gil.SwitchPoint.BACK_EDGE);
	}

	private void pass(Actor actor, EventKind kind, String object, Gil.SwitchPoint point) throws InterruptedException {
		stops.stopIfStopping(actor);
		Gate gate = run.gate();
		if (gate != null && gate.holds(actor, kind, object)) {
			holdAt(gate, actor, kind, object, point);
		}
	}

	/** {@link #pass} for a step that cannot throw: a stop shows at the actor's next blocking step. */
	private void passQuietly(Actor actor, EventKind kind, String object) {
		if (stops.daemonStops(actor)) {
			stops.parkForGood();
			return;
		}
		Gate gate = run.gate();
		if (gate != null && !run.isCancelled() && gate.holds(actor, kind, object)) {
			try {
				holdAt(gate, actor, kind, object, Gil.SwitchPoint.CALL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt(); // the run is stopping; its next blocking step ends the actor
			}
		}
	}

	/**
	 * Holds the step at the gate. The thread that waits there is the calling one, which may record for
	 * another actor (a creator records its new thread's SPAWN). What it holds it keeps, the GIL too —
	 * unless the step is a switch point of the emulated Python, where another thread could have taken
	 * over: only there does a held thread let go of the GIL, and it takes back only what it let go of.
	 */
	private void holdAt(Gate gate, Actor actor, EventKind kind, String object, Gil.SwitchPoint point)
			throws InterruptedException {
		Actor self = Actor.current();
		Gil gil = run.gil();
		boolean letGo = gil.isSwitchPoint(point) && gil.isHeldBy(self);
		if (letGo) {
			gil.release(self);
		}
		boolean wasBusy = times.holdOn(self); // held, it waits for the learner (or a test's order): not busy
		try {
			gate.pass(actor, kind, object, SourceLines.caller());
		}
		finally {
			times.holdOff(self, wasBusy);
			if (letGo) {
				gil.acquire(self);
			}
		}
	}

	/**
	 * Readies a step that changes a primitive's state without blocking (a release): it passes the gate,
	 * and the GIL may change hands here, before anything changes, so that no other thread can see the
	 * state half changed. The primitive then changes it and records with {@link #instantInside}.
	 */
	public void prepare(Actor actor, EventKind kind, String object) {
		passQuietly(actor, kind, object);
		run.gil().switchPoint(actor, Gil.SwitchPoint.CALL);
	}

	/** The actor's step has come to rest: only another actor can move it on now. */
	private void settled(Actor actor) {
		Gate gate = run.gate();
		if (gate != null) {
			gate.blocking(actor);
		}
	}

	private long record(Actor actor, EventKind kind, String object, Object value, long cause) {
		if (actor.isQuiet()) {
			return Event.NO_CAUSE; // a loop too long to draw: its steps still pass the hook, unrecorded
		}
		return run.trace().record(actor, kind, object, value, SourceLines.caller(), cause);
	}

}
