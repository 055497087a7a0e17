package org.threadlab.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the server treats its sockets and connections.
 *
 * @param stallSeconds how long one message to a client may take to go out; a client that stops reading
 *        for longer is closed (its run is cancelled), so it holds nothing of the server's for ever
 * @param idleSeconds how long a socket may stay open with nothing sent either way; a page opens a new
 *        one when the learner next presses Run
 * @param allowedOrigins the origins whose pages may open the run socket ({@code https://lab.example.org});
 *        empty: only a page of the server's own origin, reached by an IP address or {@code localhost}
 *        (a page reached by a name must be listed, which is what stops DNS rebinding)
 * @param maxSockets run sockets open at once over all clients; one more is refused
 * @param client what one client (an address; an IPv6 /64) may hold open at once
 */
@ConfigurationProperties("threadlab.web")
record WebLimits(long stallSeconds, long idleSeconds, List<String> allowedOrigins, int maxSockets, Client client) {

	/**
	 * One client's share of the server's sockets and connections.
	 *
	 * @param maxSockets run sockets it may hold open at once; one more is refused
	 * @param maxConnections TCP connections it may hold open at once (pages, scripts and sockets alike);
	 *        one more is closed as soon as it is accepted. Connections from a trusted proxy (see
	 *        {@link ConnectionsPerClient}) are not counted: the proxy speaks for many clients
	 */
	record Client(int maxSockets, int maxConnections) {

		Client {
			if (maxSockets < 1 || maxConnections < 1) {
				throw new IllegalArgumentException("threadlab.web.client: max-sockets and max-connections must be at least 1");
			}
		}

	}

	WebLimits {
		if (stallSeconds < 1 || idleSeconds < 1) {
			throw new IllegalArgumentException("threadlab.web: stall-seconds and idle-seconds must be at least 1");
		}
		if (maxSockets < 1 || client == null) {
			throw new IllegalArgumentException("threadlab.web: max-sockets must be at least 1, and client.max-sockets "
					+ "and client.max-connections set");
		}
		allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
	}

}
