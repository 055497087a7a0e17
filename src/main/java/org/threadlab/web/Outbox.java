package org.threadlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What is waiting to go out to one socket, sent without ever blocking whoever posts it: one message is
 * on the wire at a time (the container's asynchronous send), the others wait here in order, and the
 * next goes when the last has gone. A message posted with a key replaces a waiting one of the same key
 * (only the latest place in the queue matters). At most {@value #MAX_WAITING}
 * messages wait: a client that lets more pile up is too slow to serve, and is closed; so is one whose
 * send fails or outlasts the container's send timeout (the stall limit).
 * <p>
 * The run's events do not wait here: the {@link EventPump} takes the next batch only when the outbox
 * is idle, so a slow client's events stay in its run's trace until it can take them, merged into one
 * bigger batch.
 * <p>
 * Thread-safety: any thread may post; the container reports each send's end on its own threads. State
 * is guarded by this object's monitor; the wire is called outside it.
 */
final class Outbox {

	static final int MAX_WAITING = 64;

	/** Where messages go: the socket's asynchronous send. */
	interface Wire {

		/** Starts sending; {@code done} is called once it has gone (with null) or failed. Must not block. */
		void send(String text, Consumer<Throwable> done);

		/** Closes the socket without waiting for it: the client is gone or too slow. Must not block. */
		void abort(String why);

		/** As {@link #abort}, for a client whose connection broke (it went away): nothing worth a log line. */
		default void gone(String why) {
			abort(why);
		}

	}

	private record Item(String text, String key) {
	}

	private final Wire wire;

	// guarded by this
	private final List<Item> waiting = new ArrayList<>();

	private boolean sending;

	private long sendingSince;

	private boolean closed;

	Outbox(Wire wire) {
		this.wire = wire;
	}

	/**
	 * Posts a message to go out after those posted before it.
	 * @param key null, or a kind of message of which only the latest counts
	 * @return false when the outbox is closed: the message will not go
	 */
	boolean post(String text, String key) {
		Item now;
		boolean overflow = false;
		synchronized (this) {
			if (closed) {
				return false;
			}
			int same = key == null ? -1 : indexOf(key);
			if (same >= 0) {
				waiting.set(same, new Item(text, key));
			}
			else if (waiting.size() >= MAX_WAITING) {
				closed = true;
				waiting.clear();
				overflow = true;
			}
			else {
				waiting.add(new Item(text, key));
			}
			now = overflow ? null : takeNextIfFree();
		}
		if (overflow) {
			wire.abort("too slow: " + MAX_WAITING + " messages waiting");
			return false;
		}
		transmit(now);
		return true;
	}

	/** True when nothing is on the wire or waiting: the next batch of events may go. */
	synchronized boolean isIdle() {
		return !sending && waiting.isEmpty() && !closed;
	}

	synchronized boolean isClosed() {
		return closed;
	}

	/** How long the message on the wire has been going, in nanoseconds; 0 when none is. */
	synchronized long busyNanos() {
		return sending ? System.nanoTime() - sendingSince : 0;
	}

	/** Nothing more goes out; what waits is dropped. */
	synchronized void close() {
		closed = true;
		waiting.clear();
	}

	// guarded by this
	private int indexOf(String key) {
		for (int i = 0; i < waiting.size(); i++) {
			if (key.equals(waiting.get(i).key())) {
				return i;
			}
		}
		return -1;
	}

	// guarded by this
	private Item takeNextIfFree() {
		if (sending || waiting.isEmpty()) {
			return null;
		}
		sending = true;
		sendingSince = System.nanoTime();
		return waiting.remove(0);
	}

	private void transmit(Item item) {
		if (item == null) {
			return;
		}
		try {
			wire.send(item.text(), this::sent);
		}
		catch (RuntimeException closedMeanwhile) {
			sent(closedMeanwhile);
		}
	}

	private void sent(Throwable error) {
		Item next;
		synchronized (this) {
			sending = false;
			if (error != null) {
				closed = true;
				waiting.clear();
			}
			next = closed ? null : takeNextIfFree();
		}
		if (error != null) {
			wire.abort("a send failed: " + error);
			return;
		}
		transmit(next);
	}

}
