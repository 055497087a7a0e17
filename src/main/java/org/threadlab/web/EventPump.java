package org.threadlab.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.threadlab.event.Event;
import org.threadlab.run.RunClock;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each followed run's new events to its socket as one batch per frame. A ticker thread looks at
 * every stream each {@value #FRAME_MS} ms and hands the ones with news to a small pool of senders; a
 * stream whose last batch is still being sent (a slow client) is skipped this frame, so its next batch
 * simply holds more events: a slow client gets coalesced updates and never holds up a worker, the
 * ticker or another client. Workers only record; they never wait for this.
 * <p>
 * Thread-safety: follow/unfollow from any thread; the set of streams is concurrent.
 */
@Component
class EventPump implements DisposableBean {

	static final long FRAME_MS = 25;

	/** Events per message at most; a run far ahead of its client catches up over a few frames. */
	static final int MAX_BATCH = 5000;

	private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);

	private final Set<RunStream> streams = ConcurrentHashMap.newKeySet();

	private final JsonMapper json;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(named("threadlab-pump"));

	private final ExecutorService senders = Executors.newFixedThreadPool(4, named("threadlab-send"));

	EventPump(JsonMapper json) {
		this.json = json;
		ticker.scheduleWithFixedDelay(this::tick, FRAME_MS, FRAME_MS, TimeUnit.MILLISECONDS);
	}

	void follow(RunStream stream) {
		streams.add(stream);
	}

	void unfollow(RunStream stream) {
		streams.remove(stream);
	}

	private void tick() {
		for (RunStream stream : streams) {
			if (stream.tryClaim()) {
				try {
					senders.execute(() -> flush(stream));
				}
				catch (RuntimeException ex) {
					stream.release(); // the pool is shutting down
				}
			}
		}
	}

	private void flush(RunStream stream) {
		try {
			List<Event> batch = stream.next(MAX_BATCH);
			if (!batch.isEmpty()) {
				RunClock clock = stream.run().clock();
				send(stream, new Messages.Events(stream.run().id(), batch, new Messages.Clock(clock.now(), clock.rate())));
			}
			if (stream.gateChanged() && !stream.run().outcome().isDone()) {
				send(stream, new Messages.Gate(stream.run().id(), stream.pause().snapshot()));
			}
			if (stream.finished() && streams.remove(stream)) {
				send(stream, new Messages.End(stream.run().id(), stream.run().outcome().join()));
			}
		}
		catch (IOException | RuntimeException ex) {
			// The client is gone: nobody watches this run any more.
			LOG.debug("stopping run {}: its socket failed: {}", stream.run().id(), ex.toString());
			streams.remove(stream);
			stream.run().cancel();
		}
		finally {
			stream.release();
		}
	}

	private void send(RunStream stream, Object message) throws IOException {
		stream.session().sendMessage(new TextMessage(json.writeValueAsString(message)));
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
