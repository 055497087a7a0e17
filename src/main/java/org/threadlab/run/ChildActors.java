package org.threadlab.run;

/**
 * In the server: what the run's {@link Watchdog} hears of the actors of its child processes, as their
 * events come down the pipes. A child's actor counts from its SPAWN (its process: from its launch) to its
 * EXIT, or the death of its process; it runs, as far as the watchdog knows, unless its process said it
 * waits for ever on something of another process (a WAITS), until its next event. Called by the readers
 * of the children's pipes.
 * <p>
 * Thread-safety: any thread; the watchdog takes its own lock. A finding stops the run from the caller's
 * thread, which only interrupts the run's threads and signals its processes.
 */
public final class ChildActors {

	private final Run run;

	ChildActors(Run run) {
		this.run = run;
	}

	/** A child's actor began to live: the watchdog counts it. */
	public void started(Actor actor) {
		run.watchdog().started(actor);
	}

	/**
	 * A child's actor waits for ever on {@code object} (a process queue), until its next event: only
	 * another process can end the wait, and the news of it comes late.
	 */
	public void waits(Actor actor, String object) {
		stopIfFound(actor, run.watchdog().waiting(actor, new Blocker() {

			@Override
			public String name() {
				return object;
			}

			@Override
			public String kind() {
				return "queue";
			}

			@Override
			public boolean canProceed(Actor waiter) {
				return false; // as far as the news has come: a second with no news confirms it
			}

			@Override
			public boolean heardLate() {
				return true;
			}

		}));
	}

	/** A child's actor that waited goes on: an event of it came. */
	public void runs(Actor actor) {
		run.watchdog().running(actor);
	}

	/** A child's actor ended: its EXIT came, or its process died under it. */
	public void ended(Actor actor) {
		stopIfFound(actor, run.watchdog().exited(actor));
	}

	private void stopIfFound(Actor actor, Watchdog.Finding finding) {
		if (finding != null) {
			run.stopFor(actor, finding);
		}
	}

}
