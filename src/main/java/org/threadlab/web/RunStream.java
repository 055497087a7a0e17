package org.threadlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.threadlab.event.Event;
import org.threadlab.run.PauseGate;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;

import tools.jackson.databind.json.JsonMapper;

/**
 * One run being streamed to one socket: the run, how far into its trace the socket has been sent, and
 * how many frames the socket skipped because it was still taking the last batch (their events come in
 * the next one). Once its end has been sent the stream is dropped, and with it the run's trace.
 * <p>
 * Thread-safety: {@link #tryClaim()} lets at most one sender work on the stream at a time; the cursor
 * is written only by the sender holding the claim and read by the pump's ticker (volatile).
 */
final class RunStream implements Pumped {

	private final Run run;

	private final PauseGate pause;

	private final Outbox outbox;

	private final Runnable whenDelivered;

	private final AtomicBoolean claimed = new AtomicBoolean();

	private final AtomicInteger skipped = new AtomicInteger();

	private final AtomicBoolean ended = new AtomicBoolean();

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

	@Override
	public Outbox outbox() {
		return outbox;
	}

	@Override
	public boolean tryClaim() {
		return claimed.compareAndSet(false, true);
	}

	@Override
	public void release() {
		claimed.set(false);
	}

	/** True when there are events not yet sent, or the run has ended. */
	@Override
	public boolean hasNews() {
		return run.outcome().isDone() || cursor < kept() || pause.version() != gateSeen;
	}

	/** A frame went by with news the socket could not take yet. */
	@Override
	public void skip() {
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

	@Override
	public boolean flush(JsonMapper json, long frame) {
		List<Event> batch = next(EventPump.MAX_BATCH);
		long runId = run.id();
		if (!batch.isEmpty()) {
			RunClock clock = run.clock();
			outbox.post(json.writeValueAsString(new Messages.Events(runId, batch,
					new Messages.Clock(clock.now(), clock.rate()), takeSkipped())), null);
		}
		if (gateChanged() && !run.outcome().isDone()) {
			outbox.post(json.writeValueAsString(new Messages.Gate(runId, pause.snapshot())), null);
		}
		if (finished() && ended.compareAndSet(false, true)) {
			outbox.post(json.writeValueAsString(new Messages.End(runId, run.outcome().join())), null);
			delivered();
			return true;
		}
		return false;
	}

	@Override
	public void failed() {
		run.cancel();
	}

	private long kept() {
		return Math.min(run.recorder().claimed(), run.recorder().capacity());
	}

}
