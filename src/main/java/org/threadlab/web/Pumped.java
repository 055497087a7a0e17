package org.threadlab.web;

import tools.jackson.databind.json.JsonMapper;

/**
 * A run streamed to one socket through the {@link EventPump}: a socket's own run ({@link RunStream}) or
 * a room's run on a follower's socket ({@link FollowStream}). The pump's ticker asks whether it has news
 * and whether its outbox is idle; a sender holding its claim flushes it.
 * <p>
 * Thread-safety: {@link #tryClaim()} lets at most one sender flush at a time; the rest is read by the ticker.
 */
interface Pumped {

	Outbox outbox();

	/** True when there is something not yet sent: events, a change of the gate, the end. */
	boolean hasNews();

	/** A frame went by with news the socket could not take yet. */
	void skip();

	boolean tryClaim();

	void release();

	/**
	 * Posts what is new, one batch of events at most; only while claimed.
	 * @param frame the ticker's frame number: streams flushed in one frame may share what they send
	 * @return true once the end has been posted: the stream is done
	 */
	boolean flush(JsonMapper json, long frame);

	/** It could not be sent: the stream stops (a socket's own run is cancelled with it). */
	void failed();

}
