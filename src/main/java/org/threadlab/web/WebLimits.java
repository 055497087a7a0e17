package org.threadlab.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the server treats its sockets.
 *
 * @param stallSeconds how long one message to a client may take to go out; a client that stops reading
 *        for longer is closed (its run is cancelled), so it holds nothing of the server's for ever
 * @param idleSeconds how long a socket may stay open with nothing sent either way; a page opens a new
 *        one when the learner next presses Run
 * @param allowedOrigins the origins whose pages may open the run socket ({@code https://lab.example.org});
 *        empty: only a page of the server's own origin, reached by an IP address or {@code localhost}
 *        (a page reached by a name must be listed, which is what stops DNS rebinding)
 */
@ConfigurationProperties("threadlab.web")
record WebLimits(long stallSeconds, long idleSeconds, List<String> allowedOrigins) {

	WebLimits {
		if (stallSeconds < 1 || idleSeconds < 1) {
			throw new IllegalArgumentException("threadlab.web: stall-seconds and idle-seconds must be at least 1");
		}
		allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
	}

}
