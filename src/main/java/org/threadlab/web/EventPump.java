package org.threadlab.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each followed run's new events to its socket, one batch per frame at most: a socket's own run
 * ({@link RunStream}) and a room's run on each follower's socket ({@link FollowStream}) alike. A ticker
 * looks at every stream each {@value #FRAME_MS} ms; a stream with news whose socket is idle is handed to
 * a small pool of senders, which take the next batch from the run's trace and post it to the socket's
 * {@link Outbox}. A socket still taking its last batch is passed over this frame: its news waits in the
 * run's trace and comes in its next, bigger batch. The frame is counted as skipped (and the batch says how
 * many were) only when that last message has been on the wire for a whole frame already: a message that
 * is merely on its way when the tick comes is no sign of a slow client, one stuck a frame long is. So a slow
 * client gets coalesced updates and holds up no one: nothing here ever waits for a socket (the outbox
 * sends asynchronously), and workers only record.
 * <p>
 * Nothing one stream does can stop the pump: whatever a stream throws (even an Error, such as running
 * out of memory) stops that stream's run, is logged, and the pump goes on with the others; the ticker
 * lets nothing out, since a periodic task that throws is never run again.
 * <p>
 * Thread-safety: follow/unfollow from any thread; the set of streams is concurrent.
 */
@Component
class EventPump implements DisposableBean {

	static final long FRAME_MS = 25;

	private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(FRAME_MS);

	/** Events per message at most: a client far behind catches up over a few frames. */
	static final int MAX_BATCH = 2000;

	private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);

	private final Set<Pumped> streams = ConcurrentHashMap.newKeySet();

	private final JsonMapper json;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(named("threadlab-pump"));

	/** They only serialize and post, never wait on a socket: as many as there are cores is plenty. */
	private final ExecutorService senders = Executors.newFixedThreadPool(
			Math.max(2, Runtime.getRuntime().availableProcessors()), named("threadlab-send"));

	EventPump(JsonMapper json) {
		this.json = json;
		ticker.scheduleWithFixedDelay(this::tick, FRAME_MS, FRAME_MS, TimeUnit.MILLISECONDS);
	}

	void follow(Pumped stream) {
		streams.add(stream);
	}

	/** Stops streaming to a socket that no longer follows this run (its end is not sent). */
	void unfollow(Pumped stream) {
		streams.remove(stream);
	}

	/** Streams followed now: a run's is dropped once its end has been posted. */
	int following() {
		return streams.size();
	}

	private long frame;

	/** One frame's look at every stream; lets nothing out, or the ticker would never run again. */
	private void tick() {
		try {
			long now = ++frame;
			for (Pumped stream : streams) {
				try {
					look(stream, now);
				}
				catch (Throwable ex) {
					stop(stream, ex);
				}
			}
		}
		catch (Throwable ex) {
			complain("the pump skipped a frame: {}", ex); // and looks again at the next
		}
	}

	private void look(Pumped stream, long now) {
		Outbox outbox = stream.outbox();
		if (outbox.isClosed()) {
			streams.remove(stream); // its socket is gone; closing the socket cancelled the run
		}
		else if (stream.hasNews()) {
			if (!outbox.isIdle()) {
				if (outbox.busyNanos() > FRAME_NANOS) {
					stream.skip(); // the client is a frame or more behind: its news comes that much later
				}
			}
			else if (stream.tryClaim()) {
				try {
					senders.execute(() -> flush(stream, now));
				}
				catch (RejectedExecutionException shuttingDown) {
					stream.release();
				}
			}
		}
	}

	private void flush(Pumped stream, long now) {
		try {
			if (stream.flush(json, now)) {
				streams.remove(stream);
			}
		}
		catch (Throwable ex) {
			stop(stream, ex);
		}
		finally {
			stream.release();
		}
	}

	/** The stream failed: it is dropped and its run stopped, so that the others go on. */
	/** A stream whose events could not be sent: its own run is cancelled, a follower's socket closed. */
	private void stop(Pumped stream, Throwable ex) {
		streams.remove(stream);
		try {
			stream.failed();
			complain("stopping a stream: its events could not be sent: {}", ex);
		}
		catch (Throwable again) {
			complain("a stream failed and could not be stopped: {}", again);
		}
	}

	/** Logs, unless even that fails (no memory left): the pump must go on either way. */
	private static void complain(String message, Throwable ex) {
		try {
			LOG.warn(message, ex.toString());
		}
		catch (Throwable cannot) {
			// nothing more can be done for it; the next frame comes
		}
	}

	@Override
	public void destroy() {
		ticker.shutdownNow();
		senders.shutdownNow();
	}

	private static ThreadFactory named(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
