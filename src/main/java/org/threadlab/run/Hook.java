package org.threadlab.run;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;

/**
 * The one path every probe operation takes. A blocking operation calls {@link #before} on the acting
 * thread just before the real blocking call and {@link #after} just after it returns; an operation that
 * does not block calls {@link #instant}. This is the single place where steps are recorded, and where
 * the pause/step gate, the emulated GIL and the deadlock watchdog attach: a new primitive calls the hook,
 * it never re-implements any of them.
 * <p>
 * Thread-safety: called concurrently by every actor of the run; it keeps no state of its own.
 * Interruption: {@link #before} throws {@link InterruptedException} when the run is being cancelled,
 * so a cancelled actor stops at its next blocking step instead of starting it.
 */
public final class Hook {

	private final Run run;

	Hook(Run run) {
		this.run = run;
	}

	/**
	 * Records a step that does not block.
	 * @return the recorded event's sequence number, for causal links, or -1 if the trace was full
	 */
	public long instant(Actor actor, EventKind kind, String object, Object value, long cause) {
		return record(actor, kind, object, value, cause);
	}

	/** Records the start of a blocking step; called right before the real blocking call. */
	public long before(Actor actor, EventKind kind, String object, Object value) throws InterruptedException {
		if (run.isCancelled() || Thread.interrupted()) {
			throw new InterruptedException("run " + run.id() + " is cancelled");
		}
		return record(actor, kind, object, value, Event.NO_CAUSE);
	}

	/** Records the end of a blocking step; called right after the real blocking call returned. */
	public long after(Actor actor, EventKind kind, String object, Object value, long cause) {
		return record(actor, kind, object, value, cause);
	}

	private long record(Actor actor, EventKind kind, String object, Object value, long cause) {
		return run.recorder()
			.record(run.clock().now(), actor.id(), kind, object, value, SourceLines.caller(), cause);
	}

}
