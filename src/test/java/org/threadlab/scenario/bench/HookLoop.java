package org.threadlab.scenario.bench;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;

/**
 * A loop of probe steps as scenario code makes them. It lives in a scenario package on purpose: the
 * hook looks up the calling line of scenario code, and the cost of that lookup depends on finding it.
 */
public final class HookLoop {

	private HookLoop() {
	}

	/** Records {@code steps} instant events through the hook; returns the nanoseconds it took. */
	public static long run(int steps) {
		Actor me = Actor.current();
		Long value = 7L;
		long begin = System.nanoTime();
		for (int i = 0; i < steps; i++) {
			me.hook().instant(me, EventKind.WRITE, "total", value, Event.NO_CAUSE);
		}
		return System.nanoTime() - begin;
	}

}
