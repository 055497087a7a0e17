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
 * {@link Outbox}. A socket still taking its last batch is skipped this frame and counted: its news waits
 * in the run's trace and comes in its next, bigger batch, with the count of frames it skipped. So a slow
 * client gets coalesced updates and holds up no one: nothing here ever waits for a socket (the outbox
 * sends asynchronously), and workers only record.
 * <p>
 * Thread-safety: follow/unfollow from any thread; the set of streams is concurrent.
 */
@Component
class EventPump implements DisposableBean {

	static final long FRAME_MS = 25;

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

	private void tick() {
		long now = ++frame;
		for (Pumped stream : streams) {
			Outbox outbox = stream.outbox();
			if (outbox.isClosed()) {
				streams.remove(stream); // its socket is gone; closing the socket cancelled the run
			}
			else if (stream.hasNews()) {
				if (!outbox.isIdle()) {
					stream.skip();
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
	}

	private void flush(Pumped stream, long now) {
		try {
			if (stream.flush(json, now)) {
				streams.remove(stream);
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("stopping a stream: its events could not be sent: {}", ex.toString());
			streams.remove(stream);
			stream.failed();
		}
		finally {
			stream.release();
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
