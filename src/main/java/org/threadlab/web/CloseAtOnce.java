package org.threadlab.web;

import java.io.IOException;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.apache.tomcat.websocket.WsSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * Closes a socket the server refuses: a close frame says why (its code and reason), then the connection
 * closes at once. A plain close would wait for the client's answering close frame (Tomcat: up to 30 s,
 * then up to 10 s more for its next look), which a hostile client never sends, keeping its connection
 * and its memory meanwhile. Stateless; any thread.
 */
final class CloseAtOnce {

	private static final Logger LOG = LoggerFactory.getLogger(CloseAtOnce.class);

	private CloseAtOnce() {
	}

	static void close(WebSocketSession session, CloseStatus status) {
		try {
			Session container = session instanceof NativeWebSocketSession n ? n.getNativeSession(Session.class) : null;
			if (container instanceof WsSession tomcat) {
				CloseReason reason = new CloseReason(CloseReason.CloseCodes.getCloseCode(status.getCode()), status.getReason());
				tomcat.doClose(reason, reason, true); // the frame, then the connection, without waiting for an answer
			}
			else {
				session.close(status);
			}
		}
		catch (IOException | RuntimeException alreadyGone) {
			LOG.debug("socket {} was gone already: {}", session.getId(), alreadyGone.toString());
		}
	}

}
