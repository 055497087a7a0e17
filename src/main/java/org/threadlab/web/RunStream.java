package org.threadlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.threadlab.event.Event;
import org.threadlab.run.PauseGate;
import org.threadlab.run.Run;

/**
 * One run being streamed to one socket: the run, how far into its trace the socket has been sent, and
 * how many frames the socket skipped because it was still taking the last batch (their events come in
 * the next one). Once its end has been sent the stream is dropped, and with it the run's trace.
 * <p>
 * Thread-safety: {@link #tryClaim()} lets at most one sender work on the stream at a time; the cursor
 * is written only by the sender holding the claim and read by the pump's ticker (volatile).
 */
final class RunStream {

	private final Run run;

	private final PauseGate pause;

	private final Outbox outbox;

	private final Runnable whenDelivered;

	private final AtomicBoolean claimed = new AtomicBoolean();

	private final AtomicInteger skipped = new AtomicInteger();

	private volatile long cursor;

	/** The gate's version last told the client: written by the sender holding the claim, read by the ticker. */
	private volatile long gateSeen;

	/** @param whenDelivered called once the run's end has been posted: its owner lets go of it */
	RunStream(Run run, PauseGate pause, Outbox outbox, Runnable whenDelivered) {
		this.run = run;
		this.pause = pause;
		this.outbox = outbox;
		this.whenDelivered = whenDelivered;
	}

	PauseGate pause() {
		return pause;
	}

	Run run() {
		return run;
	}

	Outbox outbox() {
		return outbox;
	}

	boolean tryClaim() {
		return claimed.compareAndSet(false, true);
	}

	void release() {
		claimed.set(false);
	}

	/** True when there are events not yet sent, or the run has ended. */
	boolean hasNews() {
		return run.outcome().isDone() || cursor < kept() || pause.version() != gateSeen;
	}

	/** A frame went by with news the socket could not take yet. */
	void skip() {
		skipped.incrementAndGet();
	}

	/** The frames skipped since the last batch; counting starts again. */
	int takeSkipped() {
		return skipped.getAndSet(0);
	}

	/** The next events not yet sent, at most {@code max}; only while claimed. */
	List<Event> next(int max) {
		List<Event> batch = new ArrayList<>();
		cursor += run.recorder().read(cursor, max, batch);
		return batch;
	}

	/** Whether who is held at the gate changed since the last look; only while claimed. */
	boolean gateChanged() {
		long now = pause.version();
		boolean changed = now != gateSeen;
		gateSeen = now;
		return changed;
	}

	/** True when the run has ended and every event it kept has been taken. */
	boolean finished() {
		return run.outcome().isDone() && cursor >= kept();
	}

	void delivered() {
		whenDelivered.run();
	}

	private long kept() {
		return Math.min(run.recorder().claimed(), run.recorder().capacity());
	}

}
