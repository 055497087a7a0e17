package org.threadlab.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.Gate;

/**
 * A gate that makes the given steps happen in exactly the given order: a step of the script passes when
 * every step before it in the script has not only passed but been done — which the gate knows when
 * the actor that took it arrives at its next step, or ends. Steps not in the script pass freely.
 * This is the scheduler on the hook that forces an interleaving (read, read, write, write) instead of
 * hoping for it. A wait gives up after 20 s, so a broken test fails on its assertions, not by hanging.
 */
public final class ScriptedOrder implements Gate {

	private final List<Step> script;

	private final boolean[] taken;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition turn = lock.newCondition();

	/** Script steps done, in order: the next one may go. */
	private int done;

	/** For each actor, the script step it passed and has not finished yet. */
	private final Map<Actor, Integer> inFlight = new HashMap<>();

	public ScriptedOrder(List<Step> script) {
		this.script = List.copyOf(script);
		this.taken = new boolean[script.size()];
	}

	@Override
	public boolean holds(Actor actor, EventKind kind, String object) {
		lock.lock();
		try {
			finishPrevious(actor); // arriving here, the actor has done its last step
			return indexOf(actor, kind, object) >= 0;
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void pass(Actor actor, EventKind kind, String object) throws InterruptedException {
		lock.lock();
		try {
			int index = indexOf(actor, kind, object);
			if (index < 0) {
				return;
			}
			taken[index] = true;
			long left = TimeUnit.SECONDS.toNanos(20);
			while (done < index && left > 0) {
				left = turn.awaitNanos(left);
			}
			inFlight.put(actor, index);
		}
		finally {
			lock.unlock();
		}
	}

	private void finishPrevious(Actor actor) {
		Integer previous = inFlight.remove(actor);
		if (previous != null) {
			done = Math.max(done, previous + 1);
			turn.signalAll();
		}
	}

	private int indexOf(Actor actor, EventKind kind, String object) {
		for (int i = 0; i < script.size(); i++) {
			if (!taken[i] && script.get(i).is(actor, kind, object)) {
				return i;
			}
		}
		return -1;
	}

	/** Whether every step of the script has been done. */
	public boolean finished() {
		lock.lock();
		try {
			return done == script.size();
		}
		finally {
			lock.unlock();
		}
	}

}
