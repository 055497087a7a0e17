package org.threadlab.web;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.threadlab.rooms.LiveFeed;

/**
 * The last batch of events serialized for each room's run: followers that are level with the run take
 * the same events in the same frame, so the first of them serializes the batch and the others send the
 * same text. A follower behind (or one that skipped frames) reads and serializes its own.
 * <p>
 * Thread-safety: one holder per feed, in a synchronized weak map; the batch is swapped atomically.
 */
final class SharedBatches {

	/** Events {@code from} onwards, {@code count} of them, as sent in frame {@code frame}. Immutable. */
	record Batch(long frame, long from, int count, String prefix, String json) {
	}

	private final Map<LiveFeed, SharedBatches> perFeed;

	private volatile Batch last;

	private SharedBatches(Map<LiveFeed, SharedBatches> perFeed) {
		this.perFeed = perFeed;
	}

	/** The holders of all feeds: one per server. */
	static SharedBatches registry() {
		return new SharedBatches(Collections.synchronizedMap(new WeakHashMap<>()));
	}

	/** The holder of one feed. */
	SharedBatches of(LiveFeed feed) {
		return perFeed.computeIfAbsent(feed, f -> new SharedBatches(null));
	}

	Batch find(long frame, long from, String prefix) {
		Batch b = last;
		return b != null && b.frame() == frame && b.from() == from && b.prefix().equals(prefix) ? b : null;
	}

	void offer(Batch batch) {
		last = batch;
	}

}
