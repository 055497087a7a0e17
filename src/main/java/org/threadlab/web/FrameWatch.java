package org.threadlab.web;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * Closes a run socket whose client has announced a frame longer than any message may be, within
 * {@value #PERIOD_MS} ms, with 1009. The container reads a frame's length from its header, then waits
 * for its bytes; a client that announces 2^62 bytes and sends none would keep its socket until the idle
 * timeout. The container tells no one the lengths it reads, so the watch reads them from its frame parser
 * (Tomcat's {@code WsFrameBase}: its state and payload length, by reflection). On a Tomcat where those
 * are not found it logs once and watches nothing: such a frame then waits for the idle timeout, as before.
 * <p>
 * Thread-safety: watch and forget from any thread; one thread, {@code threadlab-frame-watch}, looks.
 */
@Component
class FrameWatch implements DisposableBean {

	static final long PERIOD_MS = 200;

	private static final Logger LOG = LoggerFactory.getLogger(FrameWatch.class);

	/** Tomcat's frame parser's fields: the session's parser, its state and the length of the frame it reads. */
	private record Parser(VarHandle frame, VarHandle state, VarHandle payloadLength, Object data) {

		static Parser find() {
			try {
				Class<?> session = Class.forName("org.apache.tomcat.websocket.WsSession");
				Class<?> base = Class.forName("org.apache.tomcat.websocket.WsFrameBase");
				Class<?> states = Class.forName("org.apache.tomcat.websocket.WsFrameBase$State");
				VarHandle frame = MethodHandles.privateLookupIn(session, MethodHandles.lookup())
					.findVarHandle(session, "wsFrame", base);
				MethodHandles.Lookup inBase = MethodHandles.privateLookupIn(base, MethodHandles.lookup());
				Object data = java.util.Arrays.stream(states.getEnumConstants())
					.filter(state -> "DATA".equals(((Enum<?>) state).name()))
					.findFirst()
					.orElseThrow(() -> new NoSuchFieldException("WsFrameBase.State.DATA"));
				return new Parser(frame, inBase.findVarHandle(base, "state", states),
						inBase.findVarHandle(base, "payloadLength", long.class), data);
			}
			catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
				LOG.warn("cannot read the WebSocket container's frame lengths ({}): a frame announced longer than {} "
						+ "bytes is closed only when its bytes come, or at the idle timeout", ex.toString(),
						WebSocketConfig.MAX_INCOMING_MESSAGE);
				return null;
			}
		}

		/** The length the frame being read announced, or -1 when no frame's payload is being read. */
		long announced(Session session) {
			Object parser = frame.get(session);
			if (parser == null || state.getVolatile(parser) != data) {
				return -1; // the state is written after the length: seen, the length is the frame's
			}
			return (long) payloadLength.get(parser);
		}

	}

	private final Parser parser = Parser.find();

	private final Map<String, WebSocketSession> watched = new ConcurrentHashMap<>();

	private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread named = new Thread(task, "threadlab-frame-watch");
		named.setDaemon(true);
		return named;
	});

	FrameWatch() {
		if (parser != null) {
			thread.scheduleWithFixedDelay(this::look, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
		}
	}

	void watch(WebSocketSession session) {
		if (parser != null) {
			watched.put(session.getId(), session);
		}
	}

	void forget(String id) {
		watched.remove(id);
	}

	/** Sockets watched now. */
	int watching() {
		return watched.size();
	}

	/** Never lets anything out: an exception would end the schedule, and the watch with it. */
	private void look() {
		try {
			lookAtEach();
		}
		catch (Throwable ex) {
			LOG.warn("the frame watch skipped a look: {}", ex.toString()); // and looks again next time
		}
	}

	private void lookAtEach() {
		for (WebSocketSession session : watched.values()) {
			try {
				Session container = session instanceof NativeWebSocketSession n ? n.getNativeSession(Session.class) : null;
				long announced = container == null ? -1 : parser.announced(container);
				if (announced > WebSocketConfig.MAX_INCOMING_MESSAGE) {
					watched.remove(session.getId());
					LOG.info("closing socket {} from {}: it announced a frame of {} bytes", session.getId(),
							session.getRemoteAddress(), announced);
					CloseAtOnce.close(session, CloseStatus.TOO_BIG_TO_PROCESS.withReason("message too big"));
				}
			}
			catch (RuntimeException ex) {
				watched.remove(session.getId()); // closed meanwhile, or it cannot be watched
				LOG.debug("socket {} is no longer watched: {}", session.getId(), ex.toString());
			}
		}
	}

	@Override
	public void destroy() {
		thread.shutdownNow();
	}

}
