package org.threadlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.threadlab.event.Event;
import org.threadlab.rooms.LiveFeed;
import org.threadlab.run.Outcome;

import tools.jackson.databind.json.JsonMapper;

/**
 * A room's run streamed to one socket in the room: its start, then every event from the first (a late
 * follower catches up in batches of {@link EventPump#MAX_BATCH}), the gate whenever it changes, and the
 * end; a slow follower gets fewer, larger batches, as a socket's own run does. Followers get the
 * messages as {@code room-started}, {@code room-events}…; the teacher's socket as its own
 * ({@code started}, {@code events}…), so that it steers the run as any. Followers level with the run
 * in one frame share one serialized batch ({@link SharedBatches}).
 * <p>
 * Thread-safety: as {@link Pumped}: the cursor is written by the sender holding the claim, read by the ticker.
 */
final class FollowStream implements Pumped {

	private final LiveFeed feed;

	private final Outbox outbox;

	private final String prefix;

	private final SharedBatches shared;

	private final AtomicBoolean claimed = new AtomicBoolean();

	private final AtomicInteger skipped = new AtomicInteger();

	private final AtomicBoolean ended = new AtomicBoolean();

	private volatile boolean startSent;

	private volatile long cursor;

	/** The gate's version last sent: a gate that never changed is not sent, as for a socket's own run. */
	private volatile long gateSeen;

	/** @param prefix {@code "room-"} for a follower, {@code ""} for the teacher's socket */
	FollowStream(LiveFeed feed, Outbox outbox, String prefix, SharedBatches shared) {
		this.feed = feed;
		this.outbox = outbox;
		this.prefix = prefix;
		this.shared = shared;
	}

	LiveFeed feed() {
		return feed;
	}

	@Override
	public Outbox outbox() {
		return outbox;
	}

	@Override
	public boolean hasNews() {
		return !startSent || feed.outcome() != null || cursor < feed.kept() || feed.gateVersion() != gateSeen;
	}

	@Override
	public void skip() {
		skipped.incrementAndGet();
	}

	@Override
	public boolean tryClaim() {
		return claimed.compareAndSet(false, true);
	}

	@Override
	public void release() {
		claimed.set(false);
	}

	@Override
	public boolean flush(JsonMapper json, long frame) {
		long runId = feed.runId();
		if (!startSent) {
			startSent = true;
			outbox.post(json.writeValueAsString(new Messages.Started(prefix + "started", runId, feed.scenario(),
					feed.speed(), feed.params(), feed.settings())), null);
		}
		int late = skipped.getAndSet(0);
		SharedBatches.Batch batch = late == 0 ? shared.find(frame, cursor, prefix) : null;
		if (batch == null) {
			List<Event> events = new ArrayList<>();
			int read = feed.read(cursor, EventPump.MAX_BATCH, events);
			if (read > 0) {
				batch = new SharedBatches.Batch(frame, cursor, read, prefix, json.writeValueAsString(new Messages.Events(
						prefix + "events", runId, events, new Messages.Clock(feed.lessonNs(), feed.rate()), late)));
				if (late == 0) {
					shared.offer(batch);
				}
			}
		}
		if (batch != null) {
			cursor += batch.count();
			outbox.post(batch.json(), null);
		}
		Outcome outcome = feed.outcome();
		long gate = feed.gateVersion();
		if (gate != gateSeen && outcome == null) {
			gateSeen = gate;
			outbox.post(json.writeValueAsString(new Messages.Gate(prefix + "gate", runId, feed.gate())), null);
		}
		if (outcome != null && cursor >= feed.kept() && ended.compareAndSet(false, true)) {
			outbox.post(json.writeValueAsString(new Messages.End(prefix + "end", runId, outcome)), null);
			return true;
		}
		return false;
	}

	@Override
	public void failed() {
		outbox.close(); // a follower's failure is its own: the room's run goes on
	}

}
