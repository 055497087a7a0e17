package org.threadlab.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.event.EventKind;

/**
 * The learner's pause button. While paused, every actor stops at its next step and is held there, and
 * the run's lesson time stands still (so do its sleeps): the run is frozen and nothing about it
 * changes. {@link #step} lets exactly one held step through — the chosen actor's, or the one held
 * longest — and time runs while that step is under way: until the actor arrives at its next step,
 * begins a wait only another actor can end, or ends. A step asked for while nothing is held does
 * nothing; it is never kept for later. {@link #resume} lets everyone go.
 * <p>
 * What a held actor holds, it keeps; the hook lets go of the GIL for a held step only where the chosen
 * Python version could switch threads, so a paused or stepped run shows only interleavings Python
 * allows.
 * <p>
 * Thread-safety: any thread may pause, step, resume and read; actors wait on a real condition, and a
 * cancel of the run interrupts them there. {@link #version()} changes whenever what
 * {@link #snapshot()} shows changes, so a web thread can tell the learner without being called back.
 */
public final class PauseGate implements Gate {

	/**
	 * An actor held at a step: who, at which step, on which line of the Java listing; {@code hold} counts
	 * the holds of the run, so two holds are never equal.
	 */
	public record Held(long hold, int actor, String name, EventKind kind, String object, int line) {
	}

	/** What the page shows: paused or not, and who is held where, in the order they arrived. */
	public record Snapshot(boolean paused, List<Held> held) {
	}

	private static final class Entry {

		final Held held;

		boolean released;

		Entry(Held held) {
			this.held = held;
		}

	}

	private final RunClock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private final AtomicLong version = new AtomicLong();

	private volatile boolean paused;

	// guarded by lock
	private final Map<Actor, Entry> held = new LinkedHashMap<>();

	private Actor inFlight;

	private long holds;

	public PauseGate(RunClock clock) {
		this.clock = clock;
	}

	@Override
	public boolean holds(Actor actor, EventKind kind, String object) {
		return paused;
	}

	@Override
	public void pass(Actor actor, EventKind kind, String object) throws InterruptedException {
		pass(actor, kind, object, 0);
	}

	/**
	 * Holds the calling thread's actor — which is not always {@code actor}: a creator records its new
	 * thread's SPAWN and START, and it is the creator that waits here.
	 */
	@Override
	public void pass(Actor actor, EventKind kind, String object, int line) throws InterruptedException {
		actor = Actor.current();
		lock.lockInterruptibly();
		try {
			if (inFlight == actor) {
				endStep(); // it has come to its next step
			}
			if (!paused) {
				return;
			}
			Entry entry = new Entry(new Held(++holds, actor.id(), actor.name(), kind, object, line));
			held.put(actor, entry);
			changedNow();
			try {
				while (paused && !entry.released) {
					changed.await();
				}
			}
			finally {
				held.remove(actor);
				changedNow();
			}
			if (entry.released && paused) {
				inFlight = actor;
				clock.thaw(); // time runs while the step is under way
			}
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void blocking(Actor actor) {
		settled(actor);
	}

	@Override
	public void exited(Actor actor) {
		settled(actor);
	}

	private void settled(Actor actor) {
		lock.lock();
		try {
			if (inFlight == actor) {
				endStep();
			}
		}
		finally {
			lock.unlock();
		}
	}

	// under lock
	private void endStep() {
		inFlight = null;
		if (paused) {
			clock.freeze();
		}
	}

	// under lock
	private void changedNow() {
		version.incrementAndGet();
		changed.signalAll();
	}

	public void pause() {
		lock.lock();
		try {
			if (!paused) {
				paused = true;
				if (inFlight == null) {
					clock.freeze();
				}
				changedNow();
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Lets one held step through: the step of the actor with id {@code actorId}, or with a negative id
	 * the one held longest. While running, or when that actor is not held, does nothing.
	 * @return whether a step was let through
	 */
	public boolean step(int actorId) {
		lock.lock();
		try {
			if (!paused) {
				return false;
			}
			for (Entry entry : held.values()) {
				if (!entry.released && (actorId < 0 || entry.held.actor() == actorId)) {
					entry.released = true;
					changedNow();
					return true;
				}
			}
			return false;
		}
		finally {
			lock.unlock();
		}
	}

	/** Lets the step held longest through; see {@link #step(int)}. */
	public boolean step() {
		return step(-1);
	}

	public void resume() {
		lock.lock();
		try {
			if (paused) {
				paused = false;
				inFlight = null;
				clock.thaw();
				changedNow();
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** Changes whenever the snapshot does. */
	public long version() {
		return version.get();
	}

	public Snapshot snapshot() {
		lock.lock();
		try {
			List<Held> now = new ArrayList<>();
			for (Entry entry : held.values()) {
				if (!entry.released) {
					now.add(entry.held);
				}
			}
			return new Snapshot(paused, List.copyOf(now));
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Waits until at least {@code count} actors are held at the gate (or the timeout passes), for tests;
	 * true if they are.
	 */
	public boolean awaitHeld(int count, long timeoutMillis) throws InterruptedException {
		lock.lock();
		try {
			long left = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
			while (heldNow() < count && left > 0) {
				left = changed.awaitNanos(left);
			}
			return heldNow() >= count;
		}
		finally {
			lock.unlock();
		}
	}

	// under lock
	private int heldNow() {
		int n = 0;
		for (Entry entry : held.values()) {
			if (!entry.released) {
				n++;
			}
		}
		return n;
	}

}
