package org.threadlab.scenario.bench;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;

/**
 * A loop of probe steps as scenario code makes them. It lives in a scenario package on purpose: the
 * build rewrites it as it rewrites every lesson, so each step carries its line as a lesson's would.
 */
public final class HookLoop {

	private HookLoop() {
	}

	/**
	 * Records {@code steps} instant events through the hook once every thread of the round has arrived
	 * at {@code together}; returns the nanoseconds the steps took.
	 */
	public static long run(int steps, CyclicBarrier together) throws Exception {
		Actor me = Actor.current();
		Long value = 7L;
		together.await(30, TimeUnit.SECONDS);
		long begin = System.nanoTime();
		for (int i = 0; i < steps; i++) {
			me.hook().instant(me, EventKind.WRITE, "total", value, Event.NO_CAUSE);
		}
		return System.nanoTime() - begin;
	}

}
