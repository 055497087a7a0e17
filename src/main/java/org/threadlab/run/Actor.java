package org.threadlab.run;

import java.util.concurrent.atomic.AtomicBoolean;

import org.threadlab.event.ActorInfo;

/**
 * A thread or process of a run, as the trace knows it. The thread that plays an actor is bound to it
 * ({@link #current()}), which is how a probe called from scenario code finds its run and who is calling.
 * Thread-safe: the info is immutable and the exit flag is atomic.
 */
public final class Actor {

	private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

	private final Run run;

	private final ActorInfo info;

	private final AtomicBoolean exited = new AtomicBoolean();

	/** Set by the actor's own thread only; read by it in the hook. */
	private boolean quiet;

	/** The run clock's timer of the actor's current step (a sleep, a timed wait), or -1; its own thread only. */
	long timer = -1;

	/**
	 * Whether the run's clock counts this actor as busy (running code, not waiting): set by its creator
	 * before its thread starts, then by its own thread, through the hook.
	 */
	volatile boolean busy;

	Actor(Run run, ActorInfo info) {
		this.run = run;
		this.info = info;
	}

	/** The actor the calling thread plays. */
	public static Actor current() {
		Actor actor = CURRENT.get();
		if (actor == null) {
			throw new IllegalStateException(
					"Thread '" + Thread.currentThread().getName() + "' plays no actor of a run; probes work only inside a run");
		}
		return actor;
	}

	/** Binds the calling thread to this actor until {@link #unbind()}. */
	void bind() {
		CURRENT.set(this);
	}

	static void unbind() {
		CURRENT.remove();
	}

	public Run run() {
		return run;
	}

	public Hook hook() {
		return run.hook();
	}

	public ActorInfo info() {
		return info;
	}

	public int id() {
		return info.id();
	}

	public String name() {
		return info.name();
	}

	/**
	 * Quiet, the actor's steps still pass the hook (gate, GIL, watchdog) but are not recorded one by one:
	 * for loops of millions of steps, which the timeline shows as segments and samples instead.
	 * Only the actor's own thread may call it.
	 */
	public void quiet(boolean quiet) {
		this.quiet = quiet;
	}

	public boolean isQuiet() {
		return quiet;
	}

	/** Marks the actor ended; true only for the first call, so its EXIT is recorded once. */
	public boolean markExited() {
		return exited.compareAndSet(false, true);
	}

	public boolean hasExited() {
		return exited.get();
	}

	@Override
	public String toString() {
		return info.name() + "#" + info.id();
	}

}
