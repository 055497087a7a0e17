package org.threadlab.run;

/**
 * What the hook tells the run's clock of each actor: whether it is busy (running code) or waits, and the
 * timer of its current step (a sleep, a timed wait); and the real waits of those steps, which follow the
 * clock. Lesson time runs fast only while no actor is busy (see {@link RunClock}).
 * <p>
 * Thread-safety: each method is called by the actor's own thread, except {@link #busy} by its creator
 * before its thread starts; an actor's flags are its own.
 */
final class ActorTimes {

	private final Run run;

	ActorTimes(Run run) {
		this.run = run; // its clock is set after its hook is made
	}

	/** The actor is starting or goes on: busy. */
	void busy(Actor actor) {
		set(actor, true, -1);
	}

	/** The actor waits now: not busy. */
	void idle(Actor actor) {
		set(actor, false, -1);
	}

	/** The actor goes on after a blocking step: its timer, if any, ends, and it is busy again, in one change. */
	void running(Actor actor) {
		set(actor, true, actor.timer);
		actor.timer = -1;
	}

	/** The actor has ended, or is parked for good: its timer ends, and it is busy no more. */
	void ended(Actor actor) {
		set(actor, false, actor.timer);
		actor.timer = -1;
	}

	/** The actor is held at a gate, not busy meanwhile; returns whether it was busy, for {@link #holdOff}. */
	boolean holdOn(Actor actor) {
		boolean was = actor.busy;
		set(actor, false, -1);
		return was;
	}

	/** The actor's hold is over: busy again if it was. */
	void holdOff(Actor actor, boolean wasBusy) {
		set(actor, wasBusy, -1);
	}

	/** Starts the timer of the actor's step, {@code seconds} of lesson time (ending any it still had). */
	void startTimer(Actor actor, double seconds) {
		RunClock clock = run.clock();
		if (actor.timer >= 0) {
			clock.busy(clock.realNow(), 0, actor.timer, actor.id());
		}
		actor.timer = clock.timerStarted(clock.realNow(), Math.round(Math.max(0, seconds) * 1e9), actor.id());
	}

	/** Whether the actor's current step has a timer. */
	boolean timed(Actor actor) {
		return actor.timer >= 0;
	}

	/** Sleeps until the actor's timer is due. */
	void sleepOut(Actor actor) throws InterruptedException {
		run.clock().sleepTimer(actor.timer);
	}

	/** See {@link Hook#awaitTimed}. */
	boolean awaitTimed(Actor actor, TimedWait wait) throws InterruptedException {
		RunClock clock = run.clock();
		while (true) {
			long slice = clock.realSliceUntilDue(actor.timer);
			if (slice <= 0) {
				return wait.await(0);
			}
			if (wait.await(slice)) {
				return true;
			}
		}
	}

	/**
	 * Tells the clock that {@code actor} is busy or not from now on, ending timer {@code endedTimer} (if
	 * not negative) in the same change; nothing changes when neither changes.
	 */
	private void set(Actor actor, boolean busy, long endedTimer) {
		if (actor.busy == busy && endedTimer < 0) {
			return;
		}
		int delta = actor.busy == busy ? 0 : busy ? 1 : -1;
		actor.busy = busy;
		RunClock clock = run.clock();
		clock.busy(clock.realNow(), delta, endedTimer, actor.id());
	}

}
