package org.threadlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.web.socket.WebSocketSession;
import org.threadlab.event.Event;
import org.threadlab.run.PauseGate;
import org.threadlab.run.Run;

/**
 * One run being streamed to one socket: the run and how far into its trace the socket has been sent.
 * <p>
 * Thread-safety: {@link #tryClaim()} lets at most one sender work on the stream at a time; the cursor
 * is touched only by the sender holding the claim, and the claim's atomic hand-over makes it visible
 * to the next one.
 */
final class RunStream {

	private final Run run;

	private final PauseGate pause;

	private final WebSocketSession session;

	private final AtomicBoolean claimed = new AtomicBoolean();

	private long cursor;

	private long gateSeen;

	RunStream(Run run, PauseGate pause, WebSocketSession session) {
		this.run = run;
		this.pause = pause;
		this.session = session;
	}

	PauseGate pause() {
		return pause;
	}

	Run run() {
		return run;
	}

	WebSocketSession session() {
		return session;
	}

	boolean tryClaim() {
		return claimed.compareAndSet(false, true);
	}

	void release() {
		claimed.set(false);
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
		return run.outcome().isDone() && cursor >= Math.min(run.recorder().claimed(), run.recorder().capacity());
	}

}
