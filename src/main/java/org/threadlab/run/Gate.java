package org.threadlab.run;

import org.threadlab.event.EventKind;

/**
 * Decides when an actor may take its next step: every step passes the run's gate, in the hook, before
 * it happens. Without a gate every step goes at once. A gate may hold a step back (to pause a run, to
 * step through it, or to force a test's interleaving) by blocking the calling actor's thread.
 * Implementations are called concurrently by every actor of a run.
 */
public interface Gate {

	/**
	 * Whether the step must wait at the gate; cheap, never blocks. Only for such steps does the hook call
	 * {@link #pass}; every other step goes on as if there were no gate.
	 */
	boolean holds(Actor actor, EventKind kind, String object);

	/**
	 * Returns when the actor may take the step {@code kind} on {@code object}.
	 * @throws InterruptedException when the run is cancelled while the step is held back
	 */
	void pass(Actor actor, EventKind kind, String object) throws InterruptedException;

	/** {@link #pass}, knowing the line of the scenario's Java listing the step is on (0: unknown). */
	default void pass(Actor actor, EventKind kind, String object, int line) throws InterruptedException {
		pass(actor, kind, object);
	}

	/** The actor begins a wait that only another actor can end (its step has come to rest). */
	default void blocking(Actor actor) {
	}

	/** The actor has ended. */
	default void exited(Actor actor) {
	}

	/** The gate is put on {@code run}'s steps ({@link Run#useGate}): a gate that spans its processes reaches them. */
	default void attachTo(Run run) {
	}

}
