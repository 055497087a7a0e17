package org.threadlab.probe;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.Blocker;
import org.threadlab.run.Hook;
import org.threadlab.run.Taking;

/**
 * The steps a {@link TracedLock}, a {@link TracedRLock} and a {@link TracedSemaphore} share: acquiring
 * as CPython does ({@link Hook#take}: ACQUIRE, a try, then a real wait the watchdog may watch), the
 * watchdog seeing the new holder in the same step as the wait ends, and ACQUIRED caused by the RELEASE
 * that let it through; and recording that RELEASE. One per primitive, which keeps its own state.
 * <p>
 * Thread-safety: any actor of the run may call any method; the last release's seq is volatile.
 */
final class Acquiring {

	/** The primitive's change once taken, made under the watchdog's lock; returns the ACQUIRED's value. */
	@FunctionalInterface
	interface Took {

		Object change(Actor taker);

	}

	private final String name;

	private final Blocker blocker;

	private final Taking taking;

	private volatile long lastRelease = Event.NO_CAUSE;

	Acquiring(String name, Blocker blocker, Taking taking) {
		this.name = name;
		this.blocker = blocker;
		this.taking = taking;
	}

	/**
	 * Acquires for the calling actor: records ACQUIRE ({@code value}), takes as {@link Hook#take} does
	 * ({@code timeoutSeconds} negative: for ever), and once taken lets {@code took} change the primitive;
	 * then records ACQUIRED with what {@code took} returned, or "not acquired". The ACQUIRED is caused by
	 * the last release when {@code afterRelease} (false for an RLock its owner takes again).
	 * @return whether it was taken
	 */
	boolean acquire(Object value, boolean blocking, double timeoutSeconds, boolean afterRelease, Took took)
			throws InterruptedException {
		Actor me = Actor.current();
		boolean got = me.hook().take(me, EventKind.ACQUIRE, name, value, blocker, blocking, timeoutSeconds, taking);
		Object[] shown = { "not acquired" };
		if (got) {
			me.run().watchdog().acquired(me, () -> shown[0] = took.change(me));
		}
		me.hook().after(me, EventKind.ACQUIRED, name, shown[0], got && afterRelease ? lastRelease : Event.NO_CAUSE);
		return got;
	}

	/** Readies a release: the gate, and a GIL switch if any, before anything changes. */
	void prepareRelease(Actor me) {
		me.hook().prepare(me, EventKind.RELEASE, name);
	}

	/**
	 * Records the RELEASE ({@code value}: what is left), before the real release so that the next
	 * ACQUIRED always comes after it; when {@code freed}, it becomes the cause of that ACQUIRED.
	 */
	void released(Actor me, Object value, boolean freed) {
		long seq = me.hook().instantInside(me, EventKind.RELEASE, name, value, Event.NO_CAUSE);
		if (freed) {
			lastRelease = seq;
		}
	}

}
