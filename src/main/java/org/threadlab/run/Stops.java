package org.threadlab.run;

import java.util.concurrent.CountDownLatch;

/**
 * Where the hook stops an actor: at its next step once the run is stopping, and for good once it is a
 * daemon thread of a process that finalizes (CPython stops such a thread when it next wants the GIL).
 * Called by the actor's own thread; stateless beyond the run it asks.
 */
final class Stops {

	private final Run run;

	private final ActorTimes times;

	Stops(Run run, ActorTimes times) {
		this.run = run;
		this.times = times;
	}

	/**
	 * Throws when the run is stopping (cancelled, or this thread interrupted), or parks a daemon whose
	 * process has ended and then throws: either way the actor goes no further.
	 */
	void stopIfStopping(Actor actor) throws InterruptedException {
		if (run.isCancelled() || Thread.interrupted()) {
			throw new InterruptedException("run " + run.id() + " is stopping");
		}
		if (daemonStops(actor)) {
			parkForGood();
			throw new InterruptedException("the process of " + actor.name() + " has ended");
		}
	}

	/** A daemon thread whose process finalizes goes no further. */
	boolean daemonStops(Actor actor) {
		return actor.info().daemon() && run.trace().isFinalizing();
	}

	/**
	 * Where a daemon thread of a finalized process stays, no longer busy: parked until the run's teardown
	 * interrupts it (or, in a child process, until the JVM exits under it). The interrupt is kept for its
	 * caller.
	 */
	void parkForGood() {
		times.ended(Actor.current());
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
