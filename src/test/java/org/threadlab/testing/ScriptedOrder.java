package org.threadlab.testing;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.Gate;

/**
 * A gate that lets the given steps through in exactly the given order: a step of the script passes
 * when every step before it in the script has passed; steps not in the script pass freely. This is the
 * scheduler on the hook that forces an interleaving (read, read, write, write) instead of hoping for it.
 * A wait gives up after 20 s, so a broken test fails on its assertions instead of hanging.
 */
public final class ScriptedOrder implements Gate {

	private final List<Step> script;

	private final boolean[] taken;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition turn = lock.newCondition();

	private int next;

	public ScriptedOrder(List<Step> script) {
		this.script = List.copyOf(script);
		this.taken = new boolean[script.size()];
	}

	@Override
	public void pass(Actor actor, EventKind kind, String object) throws InterruptedException {
		lock.lock();
		try {
			int index = -1;
			for (int i = next; i < script.size(); i++) {
				if (!taken[i] && script.get(i).is(actor, kind, object)) {
					index = i;
					break;
				}
			}
			if (index < 0) {
				return;
			}
			taken[index] = true;
			long left = TimeUnit.SECONDS.toNanos(20);
			while (next < index && left > 0) {
				left = turn.awaitNanos(left);
			}
			next = Math.max(next, index + 1);
			turn.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/** Whether every step of the script has passed. */
	public boolean done() {
		lock.lock();
		try {
			return next == script.size();
		}
		finally {
			lock.unlock();
		}
	}

}
