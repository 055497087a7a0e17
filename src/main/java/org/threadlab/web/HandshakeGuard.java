package org.threadlab.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Lets only the server's own pages open the run socket. A browser says which page asks in the
 * {@code Origin} header; the {@code Host} header says which name the browser used for the server. Both
 * are checked: a foreign page that rebinds its own DNS name to this server's address (DNS rebinding)
 * sends a foreign Origin and a matching foreign Host, which a same-origin check alone would let in.
 * <ul>
 * <li>With {@code threadlab.web.allowed-origins} set: the Origin must be one of them, and the Host one
 * of their host and port.</li>
 * <li>Without: the Origin must be the request's own (scheme, host, port), and the host must be an IP
 * address or {@code localhost}, names no rebinding can take over; a server reached by a name lists it.</li>
 * </ul>
 * A request without Origin is not from a browser's page (a browser always sends one here) and is let
 * in on the Host check alone. A malformed Origin (an empty one too) is answered 400, a foreign one 403,
 * each with one log line. Stateless and thread-safe.
 */
final class HandshakeGuard implements HandshakeInterceptor {

	private static final Logger LOG = LoggerFactory.getLogger(HandshakeGuard.class);

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/** scheme, host (lower case; an IPv6 address in brackets) and port (the scheme's default filled in) */
	record Origin(String scheme, String host, int port) {

		/** The origin a header or a setting names, or null when it is not one. */
		static Origin parse(String text) {
			if (text == null || text.isBlank() || text.length() > 300) {
				return null;
			}
			try {
				URI uri = new URI(text.trim());
				String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
				boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
						&& uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
				if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || !bare) {
					return null;
				}
				return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), portOf(scheme, uri.getPort()));
			}
			catch (URISyntaxException ex) {
				return null;
			}
		}

		static int portOf(String scheme, int port) {
			return port > 0 ? port : "https".equals(scheme) ? 443 : 80;
		}

		boolean sameHostAs(Origin other) {
			return host.equals(other.host) && port == other.port;
		}

		@Override
		public String toString() {
			return scheme + "://" + host + ":" + port;
		}

	}

	private final List<Origin> allowed;

	/** @throws IllegalArgumentException when a configured origin is not one */
	HandshakeGuard(List<String> allowedOrigins) {
		this.allowed = allowedOrigins.stream().map(text -> {
			Origin origin = Origin.parse(text);
			if (origin == null) {
				throw new IllegalArgumentException("threadlab.web.allowed-origins: '" + text
						+ "' is not an origin such as https://lab.example.org");
			}
			return origin;
		}).toList();
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		List<String> origins = request.getHeaders().getValuesAsList("Origin");
		URI self;
		try {
			self = request.getURI();
		}
		catch (RuntimeException malformedHost) {
			return refuse(request, response, HttpStatus.BAD_REQUEST, "a malformed Host");
		}
		String selfScheme = self.getScheme() == null ? "http" : self.getScheme().toLowerCase(Locale.ROOT);
		Origin own = new Origin(selfScheme, String.valueOf(self.getHost()).toLowerCase(Locale.ROOT),
				Origin.portOf(selfScheme, self.getPort()));
		Origin origin = null;
		if (origins.isEmpty() && !request.getHeaders().getOrEmpty("Origin").isEmpty()) {
			return refuse(request, response, HttpStatus.BAD_REQUEST, "an empty Origin"); // sent, but naming nothing
		}
		if (!origins.isEmpty()) {
			origin = origins.size() == 1 ? Origin.parse(origins.get(0)) : null;
			if (origin == null && !(origins.size() == 1 && "null".equals(origins.get(0)))) {
				return refuse(request, response, HttpStatus.BAD_REQUEST, "a malformed Origin " + shown(origins));
			}
		}
		boolean hostAllowed = allowed.isEmpty() ? unrebindable(own.host())
				: allowed.stream().anyMatch(own::sameHostAs);
		if (!hostAllowed) {
			return refuse(request, response, HttpStatus.FORBIDDEN, "the host " + shown(List.of(own.host()))
					+ " is not allowed (list its origin in threadlab.web.allowed-origins)");
		}
		boolean originAllowed = origins.isEmpty()
				|| (origin != null && (allowed.isEmpty() ? origin.equals(own) : allowed.contains(origin)));
		if (!originAllowed) {
			return refuse(request, response, HttpStatus.FORBIDDEN, "a page of another origin " + shown(origins));
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

	/** A name no foreign DNS record can point here under: an IP address, or localhost. */
	private static boolean unrebindable(String host) {
		return "localhost".equals(host) || IPV4.matcher(host).matches() || host.startsWith("[");
	}

	private static boolean refuse(ServerHttpRequest request, ServerHttpResponse response, HttpStatus status,
			String why) {
		LOG.info("refused a run socket from {}: {}", request.getRemoteAddress(), why);
		response.setStatusCode(status);
		return false;
	}

	/** Header values as a log may show them: short, printable. */
	private static String shown(List<String> values) {
		String joined = String.join(", ", values);
		String clean = joined.replaceAll("[^\\x20-\\x7e]", "?");
		return "'" + (clean.length() > 80 ? clean.substring(0, 80) + "…" : clean) + "'";
	}

}
