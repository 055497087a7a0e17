package org.threadlab.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses a run socket at its handshake, before it costs anything, when its client already holds its
 * share of sockets ({@code 429 Too Many Requests}) or the server its limit ({@code 503 Service
 * Unavailable}); both say {@code Retry-After: 10} and close the connection. This only looks at the
 * {@link SocketCaps}: a place is taken when the socket opens, which refuses the few that raced past here
 * (docs/protocol.md, "Opening the socket"). Stateless and thread-safe.
 */
final class CappedHandshake implements HandshakeInterceptor {

	static final String RETRY_AFTER_SECONDS = "10";

	private final SocketCaps caps;

	CappedHandshake(SocketCaps caps) {
		this.caps = caps;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String client = ClientAddress.of(request.getRemoteAddress());
		SocketCaps.Cap cap = caps.full(client);
		if (cap == null) {
			return true;
		}
		caps.refused(cap, client);
		response.setStatusCode(cap == SocketCaps.Cap.CLIENT ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE);
		response.getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
		response.getHeaders().set("Connection", "close");
		return false;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

}
