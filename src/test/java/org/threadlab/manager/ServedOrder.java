package org.threadlab.manager;

import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.Gate;

/**
 * A gate that makes the given steps happen in exactly the given order, and that can be pickled, so a run
 * hands it to its manager's server process, where the steps of the serving threads are (each process
 * holds its own steps with its own copy). A step of the script passes once every step before it is done:
 * its actor has arrived at another step, has begun to wait for something (a lock, a queue), or has ended.
 * Steps not in the script pass freely. A wait gives up after 20 s, so a broken test fails on its
 * assertions, not by hanging. Thread-safe: every method holds the gate's monitor.
 */
public final class ServedOrder implements Gate, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Who (an exact name), what, on which object (null: any). */
	public record Step(String actor, EventKind kind, String object) implements Serializable {

		boolean is(Actor who, EventKind kind, String object) {
			return actor.equals(who.name()) && this.kind == kind && (this.object == null || Objects.equals(this.object, object));
		}

	}

	private final List<Step> script;

	private final boolean[] taken;

	private int done;

	/** For each actor (by id), the script step it passed and has not finished yet. */
	private final Map<Integer, Integer> inFlight = new HashMap<>();

	public ServedOrder(Step... script) {
		this.script = List.of(script);
		this.taken = new boolean[script.length];
	}

	@Override
	public synchronized boolean holds(Actor actor, EventKind kind, String object) {
		finish(actor);
		return indexOf(actor, kind, object) >= 0;
	}

	@Override
	public synchronized void pass(Actor actor, EventKind kind, String object) throws InterruptedException {
		int index = indexOf(actor, kind, object);
		if (index < 0) {
			return;
		}
		taken[index] = true;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (done < index) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				break;
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
		inFlight.put(actor.id(), index);
	}

	@Override
	public synchronized void blocking(Actor actor) {
		finish(actor);
	}

	@Override
	public synchronized void exited(Actor actor) {
		finish(actor);
	}

	private void finish(Actor actor) {
		Integer previous = inFlight.remove(actor.id());
		if (previous != null) {
			done = Math.max(done, previous + 1);
			notifyAll();
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

}
