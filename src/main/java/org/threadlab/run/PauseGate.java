package org.threadlab.run;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.event.EventKind;

/**
 * The learner's pause button, in the server, for every process of the run. While paused, every actor
 * stops at its next step and is held there — the server's threads here, a child process's threads in
 * that process, by its own gate ({@link ChildGate}), which this one tells to pause and which reports
 * who it holds where — and the run's lesson time stands still in every process (so do its sleeps): the
 * run is frozen and nothing about it changes.
 * <p>
 * {@link #step} lets exactly one held step through — the chosen actor's, or the one held longest, in
 * whichever process it is — and time runs while that step is under way: until the actor arrives at its
 * next step, begins a wait only another actor can end, or ends. When nothing is held and no step is
 * under way (every thread sleeps, waits with a timeout, or waits for one that does), a step moves lesson
 * time to the next moment something can happen, the earliest due time of the run's timers: the threads
 * whose timers are due there wake and are held at their next step, and {@link Snapshot#jump} says so.
 * A step asked for while a step or such a wake-up is under way does nothing; it is never kept for later.
 * {@link #resume} lets everyone go.
 * <p>
 * What a held actor holds, it keeps; the hook lets go of the GIL for a held step only where the chosen
 * Python version could switch threads, so a paused or stepped run shows only interleavings Python
 * allows.
 * <p>
 * Thread-safety: any thread may pause, step, resume and read; actors wait on a real condition, and a
 * cancel of the run interrupts them there; a child's reports come from its pipe's reader. The learner's
 * words reach the child processes under the gate's lock, so they arrive in order. {@link #version()}
 * changes whenever what {@link #snapshot()} shows changes, so a web thread can tell the learner without
 * being called back.
 */
public final class PauseGate implements Gate {

	/**
	 * An actor held at a step: who, at which step, on which line of the Java listing; {@code hold} counts
	 * the holds of the run, so two holds are never equal.
	 */
	public record Held(long hold, int actor, String name, EventKind kind, String object, int line) {
	}

	/**
	 * A step that moved lesson time, while nothing was held, from {@code fromNs} to {@code toNs} (by
	 * {@code byNs}), where the timers of the actors {@code woke} were due; {@code number} counts the jumps
	 * of the run.
	 */
	public record Jump(long number, long fromNs, long toNs, long byNs, List<Integer> woke) {
	}

	/**
	 * What the page shows: paused or not, who is held where, in the order they arrived, and the jump the
	 * last step made, if it made one (null once another step, a pause or a resume follows).
	 */
	public record Snapshot(boolean paused, List<Held> held, Jump jump) {

		public Snapshot(boolean paused, List<Held> held) {
			this(paused, held, null);
		}

	}

	private static final int NONE = -1;

	private final RunClock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private final AtomicLong version = new AtomicLong();

	private volatile boolean paused;

	private volatile RunRemotes remotes;

	// guarded by lock
	private final HeldSteps held = new HeldSteps();

	/** The actor whose step is under way (time runs meanwhile), or NONE. */
	private int stepping = NONE;

	/** The actors a jump woke, until each arrives at its next step or comes to rest. */
	private final Set<Integer> waking = new HashSet<>();

	private long jumps;

	private Jump lastJump;

	public PauseGate(RunClock clock) {
		this.clock = clock;
	}

	/** Reaches the run's child processes from now on. */
	@Override
	public void attachTo(Run run) {
		this.remotes = run.remotes();
		if (paused) {
			remotes.paused(true);
		}
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
			arrived(actor.id()); // it has come to its next step
			if (!paused) {
				return;
			}
			HeldSteps.Entry entry = held.local(actor, kind, object, line);
			changedNow();
			try {
				while (paused && !entry.released) {
					changed.await();
				}
			}
			finally {
				held.remove(entry);
				changedNow();
			}
			if (entry.released && paused) {
				startStep(actor.id());
			}
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void blocking(Actor actor) {
		settled(actor.id());
	}

	@Override
	public void exited(Actor actor) {
		settled(actor.id());
	}

	private void settled(int actor) {
		if (!paused) {
			return; // nothing is under way: a resume ended every step and wake-up
		}
		lock.lock();
		try {
			arrived(actor);
		}
		finally {
			lock.unlock();
		}
	}

	// ---- what child processes report (see RunRemotes.Attached) ----

	void remoteHeld(RunRemotes.Attached from, long remoteHold, Actor actor, EventKind kind, String object, int line) {
		lock.lock();
		try {
			arrived(actor.id());
			if (paused) { // else the child was resumed meanwhile, and lets it go itself
				held.remote(from, remoteHold, actor, kind, object, line);
			}
			changedNow();
		}
		finally {
			lock.unlock();
		}
	}

	/** The child let {@code remoteHold} go; -1: all of them (it ended). */
	void remoteGone(RunRemotes.Attached from, long remoteHold) {
		lock.lock();
		try {
			for (int actor : held.removeRemote(from, remoteHold)) {
				if (remoteHold < 0) {
					arrived(actor);
				}
			}
			changedNow();
		}
		finally {
			lock.unlock();
		}
	}

	void remoteSettled(Actor actor) {
		settled(actor.id());
	}

	// ---- the learner ----

	public void pause() {
		lock.lock();
		try {
			if (!paused) {
				paused = true;
				lastJump = null;
				if (stepping == NONE) {
					clock.freeze();
				}
				RunRemotes r = remotes;
				if (r != null) {
					r.paused(true);
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
	 * the one held longest. With nothing held and no step under way, moves lesson time to the next
	 * timer's due time instead (see the class comment). While running, when the actor is not held while
	 * others are, or while a step is under way, does nothing.
	 * @return whether a step was let through or time moved
	 */
	public boolean step(int actorId) {
		lock.lock();
		try {
			if (!paused) {
				return false;
			}
			HeldSteps.Entry entry = held.first(actorId);
			if (entry != null) {
				release(entry);
				return true;
			}
			return held.first(-1) == null && stepping == NONE && waking.isEmpty() && jump();
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
				stepping = NONE;
				waking.clear();
				lastJump = null;
				clock.thaw();
				RunRemotes r = remotes;
				if (r != null) {
					r.paused(false);
				}
				changedNow();
			}
		}
		finally {
			lock.unlock();
		}
	}

	// under lock
	private void release(HeldSteps.Entry entry) {
		entry.released = true;
		lastJump = null;
		if (entry.remote != null) {
			startStep(entry.held.actor()); // its own process lets it go, and says when it comes to rest
			entry.remote.step(entry.remoteHold);
		}
		changedNow();
	}

	// under lock
	private boolean jump() {
		RunClock.Jump jump = clock.jump();
		if (jump == null) {
			return false; // no timer runs: nothing in the lesson can happen by itself
		}
		for (int actor : jump.woke()) {
			if (actor >= 0) {
				waking.add(actor);
			}
		}
		lastJump = new Jump(++jumps, jump.fromNs(), jump.toNs(), jump.toNs() - jump.fromNs(), jump.woke());
		changedNow();
		return true;
	}

	// under lock
	private void startStep(int actor) {
		stepping = actor;
		clock.thaw(); // time runs while the step is under way
	}

	/** Under lock: the actor arrived at its next step or came to rest, so its step or its wake-up is over. */
	private void arrived(int actor) {
		if (waking.remove(actor)) {
			changedNow();
		}
		if (stepping == actor) {
			stepping = NONE;
			if (paused) {
				clock.freeze();
			}
		}
	}

	// under lock
	private void changedNow() {
		version.incrementAndGet();
		changed.signalAll();
	}

	/** Changes whenever the snapshot does. */
	public long version() {
		return version.get();
	}

	public Snapshot snapshot() {
		lock.lock();
		try {
			return new Snapshot(paused, held.shown(), lastJump);
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
		return held.shown().size();
	}

}
