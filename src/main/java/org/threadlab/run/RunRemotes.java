package org.threadlab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.threadlab.event.EventKind;

/**
 * A run's child processes as its clock and its pause gate reach them: each is {@link #attach attached}
 * with its {@link Remote} when it starts, told the run's lesson time and pause at once, and from then on
 * sent every new segment of the run's clock (by a sender thread of the run, which sends the latest when
 * it wakes, so a worker that changed the clock never writes to a pipe) and every pause, resume and step.
 * What a child reports of its own pause gate (who is held where, a step come to rest) comes back through
 * its {@link Attached} handle to the run's gate, if it is a {@link PauseGate}.
 * <p>
 * One per run in the server ({@link Run#remotes()}); closed with the run's resources.
 * Thread-safety: any thread; the list and the pause are guarded by one lock, under which a new process is
 * told the pause, so none misses one.
 */
public final class RunRemotes implements AutoCloseable {

	/** A child process as the run knows it: how to reach it, and what it reports. */
	public final class Attached {

		private final Remote remote;

		private Attached(Remote remote) {
			this.remote = remote;
		}

		/** The process is ready to hear: it is told lesson time and the pause now, then all that follows. */
		public void attach() {
			RunRemotes.this.attach(this);
		}

		/** The child's thread {@code actor} (the run's actor) is held at a step: {@code hold} is the child's number. */
		public void held(long hold, Actor actor, EventKind kind, String object, int line) {
			PauseGate gate = pauseGate();
			if (gate != null) {
				gate.remoteHeld(this, hold, actor, kind, object, line);
			}
		}

		/** The child let the hold {@code hold} go (stepped or resumed). */
		public void gone(long hold) {
			PauseGate gate = pauseGate();
			if (gate != null) {
				gate.remoteGone(this, hold);
			}
		}

		/** The child's thread {@code actor} came to rest (waits for another, or ended): a step of it is over. */
		public void settled(Actor actor) {
			PauseGate gate = pauseGate();
			if (gate != null) {
				gate.remoteSettled(actor);
			}
		}

		/** The process has ended: its holds are gone, and it is told nothing more. */
		public void detach() {
			synchronized (lock) {
				attached.remove(this);
			}
			remote.close();
			PauseGate gate = pauseGate();
			if (gate != null) {
				gate.remoteGone(this, -1);
			}
		}

		void step(long hold) {
			remote.step(hold);
		}

	}

	private final Run run;

	private final Object lock = new Object();

	// guarded by lock
	private final List<Attached> attached = new ArrayList<>();

	private boolean paused;

	private Thread sender;

	private volatile boolean closed;

	RunRemotes(Run run) {
		this.run = run;
		run.clock().onChange(this::clockChanged);
	}

	/** A child process to be reached through {@code remote}: once {@link Attached#attach attached}. */
	public Attached remote(Remote remote) {
		return new Attached(remote);
	}

	/** The child process starts: it is told lesson time and the pause as they are now, then all that follows. */
	private void attach(Attached a) {
		synchronized (lock) {
			attached.add(a);
			a.remote.sync(run.clock().segment(), paused);
			if (sender == null && !closed) {
				sender = run.newServiceThread("clock-sender", this::sendSegments);
				sender.start();
			}
		}
	}

	/** The learner paused or resumed the run: every child process is told. */
	void paused(boolean paused) {
		synchronized (lock) {
			this.paused = paused;
			for (Attached a : attached) {
				a.remote.paused(paused);
			}
		}
	}

	private PauseGate pauseGate() {
		return run.gate() instanceof PauseGate gate ? gate : null;
	}

	private void clockChanged() {
		Thread s = sender;
		if (s != null) {
			LockSupport.unpark(s);
		}
	}

	/** The sender thread: sends each child the latest segment whenever the clock changed. */
	private void sendSegments() {
		long sent = -1;
		while (!closed) {
			ClockSegment segment = run.clock().segment();
			if (segment.version() != sent) {
				sent = segment.version();
				List<Attached> now;
				synchronized (lock) {
					now = List.copyOf(attached);
				}
				for (Attached a : now) {
					a.remote.clock(segment);
				}
			}
			else {
				LockSupport.park(this);
			}
		}
	}

	@Override
	public void close() {
		closed = true;
		Thread s;
		synchronized (lock) {
			s = sender;
		}
		if (s != null) {
			LockSupport.unpark(s);
		}
	}

}
