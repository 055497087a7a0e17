package org.threadlab.testing;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.Gate;

/**
 * A gate that holds each of the given steps (their first occurrence) until all of them have arrived,
 * then lets them go together. An actor at its next step has finished the ones before: two threads at
 * "acquire my second lock" both hold their first. Other steps pass freely. A wait gives up after 20 s,
 * so a broken test fails on its assertions instead of hanging.
 */
public final class Rendezvous implements Gate {

	private final List<Step> steps;

	private final boolean[] arrived;

	private final CountDownLatch all;

	public Rendezvous(Step... steps) {
		this.steps = List.of(steps);
		this.arrived = new boolean[steps.length];
		this.all = new CountDownLatch(steps.length);
	}

	@Override
	public synchronized boolean holds(Actor actor, EventKind kind, String object) {
		for (int i = 0; i < steps.size(); i++) {
			if (!arrived[i] && steps.get(i).is(actor, kind, object)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void pass(Actor actor, EventKind kind, String object) throws InterruptedException {
		if (arrive(actor, kind, object)) {
			all.await(20, TimeUnit.SECONDS);
		}
	}

	private synchronized boolean arrive(Actor actor, EventKind kind, String object) {
		for (int i = 0; i < steps.size(); i++) {
			if (!arrived[i] && steps.get(i).is(actor, kind, object)) {
				arrived[i] = true;
				all.countDown();
				return true;
			}
		}
		return false;
	}

}
