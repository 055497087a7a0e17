package org.threadlab.web;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * One socket's wire: the container's asynchronous send (Tomcat's), which returns at once and reports
 * later; a send that has not gone out within the stall limit fails and closes the connection. An abort
 * closes the socket on the closer thread, without a close handshake that could wait on the client; once
 * the server is stopping (the closer is shut down) it does nothing: the container closes every socket.
 * Thread-safety: as {@link Outbox.Wire}: the outbox never has two sends going at once.
 */
final class SocketWire implements Outbox.Wire {

	private static final Logger LOG = LoggerFactory.getLogger(SocketWire.class);

	private final WebSocketSession session;

	private final RemoteEndpoint.Async remote;

	private final Executor closer;

	SocketWire(WebSocketSession session, long stallMillis, Executor closer) {
		this.session = session;
		this.closer = closer;
		Session container = session instanceof NativeWebSocketSession n ? n.getNativeSession(Session.class) : null;
		if (container == null) {
			throw new IllegalStateException("the run socket needs a standard (JSR 356) WebSocket session");
		}
		this.remote = container.getAsyncRemote();
		this.remote.setSendTimeout(stallMillis);
	}

	@Override
	public void send(String text, Consumer<Throwable> done) {
		remote.sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
	}

	@Override
	public void abort(String why) {
		close(why, true);
	}

	@Override
	public void gone(String why) {
		close(why, false);
	}

	private void close(String why, boolean logged) {
		try {
			closer.execute(() -> closeNow(why, logged));
		}
		catch (RejectedExecutionException stopping) {
			LOG.debug("socket {}: not closed on its own ({}): the server is stopping", session.getId(), why);
		}
	}

	private void closeNow(String why, boolean logged) {
		if (!session.isOpen()) {
			return;
		}
		if (logged) {
			LOG.info("closing socket {} from {}: {}", session.getId(), session.getRemoteAddress(), why);
		}
		else {
			LOG.debug("closing socket {} from {}: {}", session.getId(), session.getRemoteAddress(), why);
		}
		try {
			// 1006: no close handshake, so the close waits at most a moment on a client that reads nothing
			session.close(CloseStatus.NO_CLOSE_FRAME.withReason("too slow"));
		}
		catch (IOException | RuntimeException alreadyGone) {
			LOG.debug("socket {} was gone already: {}", session.getId(), alreadyGone.toString());
		}
	}

}
