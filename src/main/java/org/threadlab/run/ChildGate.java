package org.threadlab.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.event.EventKind;

/**
 * The pause gate of a child process: the learner's pause reaches the process's threads here. The parent
 * tells it to pause, resume or let one hold through ({@link #paused}, {@link #step}); it holds each
 * thread at its next step while paused, and tells the parent who it holds where, when a hold is let go,
 * and when a thread has come to rest while paused (GATE events on the event pipe: the parent's
 * {@link PauseGate} shows them and decides). It never touches the clock: lesson time is the parent's,
 * and stands still in this process while the run is paused because the parent's clock does.
 * <p>
 * The steps the parent never shows are not held: the main thread's SPAWN (its process's SPAWN is the
 * parent's).
 * <p>
 * Thread-safety: the command reader pauses, resumes and steps; actors wait on a real condition, and an
 * interrupt (the process being stopped) frees them.
 */
public final class ChildGate implements Gate {

	private static final class Entry {

		final long hold;

		boolean released;

		Entry(long hold) {
			this.hold = hold;
		}

	}

	private final RunTrace trace;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private volatile boolean paused;

	// guarded by lock
	private final Map<Long, Entry> held = new LinkedHashMap<>();

	private Actor stepping;

	private long holds;

	public ChildGate(Run run) {
		this.trace = run.trace();
	}

	@Override
	public boolean holds(Actor actor, EventKind kind, String object) {
		return paused && !(kind == EventKind.SPAWN && actor.id() == 0);
	}

	@Override
	public void pass(Actor actor, EventKind kind, String object) throws InterruptedException {
		pass(actor, kind, object, 0);
	}

	@Override
	public void pass(Actor actor, EventKind kind, String object, int line) throws InterruptedException {
		Actor self = Actor.current();
		lock.lockInterruptibly();
		try {
			if (stepping == self) {
				stepping = null; // it has come to its next step: its new hold tells the parent
			}
			if (!paused) {
				return;
			}
			Entry entry = new Entry(++holds);
			held.put(entry.hold, entry);
			report(self, object, "held " + entry.hold + " " + kind.name(), line);
			try {
				while (paused && !entry.released) {
					changed.await();
				}
			}
			finally {
				held.remove(entry.hold);
				report(self, null, "gone " + entry.hold, 0);
			}
			if (entry.released && paused) {
				stepping = self;
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

	/**
	 * Paused, every thread that comes to rest is reported, not only the one this gate let through: a
	 * thread that a jump of lesson time woke (which only the parent knows) may end or block without
	 * another step to be held at, and the parent's next step waits until it has heard so.
	 */
	private void settled(Actor actor) {
		if (!paused) {
			return; // nothing is under way: a resume ended every step and wake-up
		}
		lock.lock();
		try {
			if (stepping == actor) {
				stepping = null;
			}
			report(actor, null, "settled", 0);
		}
		finally {
			lock.unlock();
		}
	}

	/** The parent paused ({@code true}) or resumed the run. */
	public void paused(boolean paused) {
		lock.lock();
		try {
			this.paused = paused;
			if (!paused) {
				stepping = null;
			}
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/** The parent lets the hold {@code hold} through; nothing happens if it is not held (any more). */
	public void step(long hold) {
		lock.lock();
		try {
			Entry entry = held.get(hold);
			if (entry != null && paused) {
				entry.released = true;
				changed.signalAll();
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** Tells the parent (never blocks: the event is recorded and sent by the sender). */
	private void report(Actor actor, String object, String what, int line) {
		trace.tellParent(trace.stampReal(), actor.id(), EventKind.GATE, object, what, line);
	}

}
