package org.threadlab.run;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.event.EventKind;

/**
 * The learner's pause button: while paused, every actor stops at its next step and waits there (its
 * real blocking calls already under way go on: a sleep still ends on time); {@link #step()} lets exactly
 * one held step through; {@link #resume()} lets everyone go. Running, it costs one volatile read a step.
 * <p>
 * Thread-safety: any thread may pause, step or resume; actors wait on a real condition, and a cancel
 * of the run interrupts them there.
 */
public final class PauseGate implements Gate {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private volatile boolean paused;

	// guarded by lock
	private int steps;

	private int held;

	@Override
	public boolean holds(Actor actor, EventKind kind, String object) {
		return paused;
	}

	@Override
	public void pass(Actor actor, EventKind kind, String object) throws InterruptedException {
		lock.lockInterruptibly();
		try {
			held++;
			changed.signalAll();
			try {
				while (paused && steps == 0) {
					changed.await();
				}
				if (paused) {
					steps--;
				}
			}
			finally {
				held--;
			}
		}
		finally {
			lock.unlock();
		}
	}

	public void pause() {
		lock.lock();
		try {
			paused = true;
			steps = 0;
		}
		finally {
			lock.unlock();
		}
	}

	/** Lets one held step through (the first to wake); while running, does nothing. */
	public void step() {
		lock.lock();
		try {
			if (paused) {
				steps++;
				changed.signalAll();
			}
		}
		finally {
			lock.unlock();
		}
	}

	public void resume() {
		lock.lock();
		try {
			paused = false;
			steps = 0;
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	public boolean isPaused() {
		return paused;
	}

	/**
	 * Waits until at least {@code count} actors are held at the gate (or the timeout passes), for tests
	 * and for the page's "held" count; true if they are.
	 */
	public boolean awaitHeld(int count, long timeoutMillis) throws InterruptedException {
		lock.lock();
		try {
			long left = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
			while (held < count && left > 0) {
				left = changed.awaitNanos(left);
			}
			return held >= count;
		}
		finally {
			lock.unlock();
		}
	}

}
