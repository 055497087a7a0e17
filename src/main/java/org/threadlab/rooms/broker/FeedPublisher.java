package org.threadlab.rooms.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threadlab.event.Event;
import org.threadlab.rooms.LiveFeed;
import org.threadlab.rooms.RoomCode;
import org.threadlab.run.Outcome;

/**
 * On the server holding a room's run: sends the run to the other servers of the room, once per frame
 * ({@value #FRAME_MS} ms, as the pump sends it to this server's followers), as sequenced messages of at
 * most {@value #BATCH} events with the lesson clock, the gate when it changed and, once every event is
 * sent, the end; and answers a server that asks for the run so far (a late follower, a gap) with a replay
 * of it, to that server alone. A run replaced by the room's next is sent to its end all the same, before
 * the next one's first message (the runs are sent in the order they started). Each run is read from its one trace; nothing is copied per follower or
 * per server.
 * <p>
 * Thread-safety: runs are added and dropped from any thread; one thread ({@code threadlab-room-publish})
 * reads and sends them all, replays too, so a run's messages leave in order.
 */
final class FeedPublisher implements AutoCloseable {

	static final long FRAME_MS = 25;

	static final int BATCH = 4000;

	/** Messages one run may send in a frame: a run far ahead of its followers catches up over frames. */
	private static final int PER_FRAME = 8;

	private static final Logger LOG = LoggerFactory.getLogger(FeedPublisher.class);

	/** One run being sent: how far, and what of its gate and end. Touched only by the publishing thread, but {@code feed}. */
	private static final class Sending {

		final RoomCode room;

		final LiveFeed feed;

		final Wire.Started started;

		long sent;

		long gateSeen;

		boolean startSent;

		Sending(RoomCode room, LiveFeed feed, Wire.Started started) {
			this.room = room;
			this.feed = feed;
			this.started = started;
		}

	}

	private final BrokerLink link;

	/** In the order they started; a run goes once its end is sent, or its room is over. */
	private final List<Sending> sending = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread t = new Thread(task, "threadlab-room-publish");
		t.setDaemon(true);
		return t;
	});

	FeedPublisher(BrokerLink link) {
		this.link = link;
		thread.scheduleWithFixedDelay(this::frame, FRAME_MS, FRAME_MS, TimeUnit.MILLISECONDS);
	}

	/** The room's run is now {@code feed}, held here: the other servers get it from its start. */
	void publish(RoomCode room, LiveFeed feed, Wire.Started started) {
		sending.add(new Sending(room, feed, started));
	}

	/** The room is over here: its runs are sent no more. */
	void drop(RoomCode room) {
		sending.removeIf(s -> s.room.equals(room));
	}

	/** Sends {@code asker} the room's run {@code feed} from {@code from}, as it is now, then goes on live. */
	void replay(RoomCode room, LiveFeed feed, Wire.Started started, long from, String asker) {
		try {
			thread.execute(() -> sendReplay(room, feed, started, from, asker));
		}
		catch (RejectedExecutionException closing) {
			// the server is stopping: the asker's server will hear nothing more anyway
		}
	}

	/** One frame: every run's news. Lets nothing out, or the thread would never run again. */
	private void frame() {
		for (Sending s : sending) {
			try {
				if (send(s)) {
					sending.remove(s);
				}
			}
			catch (RuntimeException ex) {
				sending.remove(s);
				LOG.warn("a room's run could not be sent to the other servers: {}", ex.toString());
			}
		}
	}

	/** @return true once the end has been sent */
	private boolean send(Sending s) {
		for (int n = 0; n < PER_FRAME; n++) {
			Outcome outcome = s.feed.outcome(); // before reading: then every event it ends is readable
			List<Event> events = new ArrayList<>();
			int read = s.feed.read(s.sent, BATCH, events);
			long gateVersion = s.feed.gateVersion();
			Wire.Gate gate = gateVersion != s.gateSeen && outcome == null
					? new Wire.Gate(gateVersion, s.feed.gate()) : null;
			boolean ends = outcome != null && s.sent + read >= s.feed.kept();
			if (read == 0 && gate == null && !ends && s.startSent) {
				return false;
			}
			link.toRoom(s.room, "run", new Wire.Run(s.room.value(), link.me(), s.feed.runId(),
					s.startSent ? null : s.started, s.sent, events, s.feed.lessonNs(), s.feed.rate(), gate,
					ends ? new Wire.End(s.sent + read, outcome) : null));
			s.startSent = true;
			s.sent += read;
			s.gateSeen = gate != null ? gateVersion : s.gateSeen;
			if (ends) {
				return true;
			}
			if (read < BATCH) {
				return false;
			}
		}
		return false;
	}

	private void sendReplay(RoomCode room, LiveFeed feed, Wire.Started started, long from, String asker) {
		try {
			long at = from;
			while (true) {
				Outcome outcome = feed.outcome();
				List<Event> events = new ArrayList<>();
				int read = feed.read(at, BATCH, events);
				boolean last = at + read >= feed.kept();
				long gateVersion = feed.gateVersion();
				Wire.Gate gate = last && gateVersion != 0 && outcome == null ? new Wire.Gate(gateVersion, feed.gate()) : null;
				Wire.End end = last && outcome != null ? new Wire.End(at + read, outcome) : null;
				link.toServer(asker, new Wire.Run(room.value(), link.me(), feed.runId(), started, at, events,
						feed.lessonNs(), feed.rate(), gate, end));
				at += read;
				if (last || read == 0) {
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("a room's run could not be replayed to another server: {}", ex.toString());
		}
	}

	/** Runs {@code check} on the publishing thread every {@code millis}; it must not throw. */
	void every(long millis, Runnable check) {
		thread.scheduleWithFixedDelay(check, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		thread.shutdownNow();
	}

}
