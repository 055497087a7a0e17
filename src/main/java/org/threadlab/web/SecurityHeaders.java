package org.threadlab.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * The headers every response carries, pages, scripts, errors and the health check alike. The pages
 * load their scripts and styles from the server's own files only (no inline script or style; the page's
 * texts travel in a JSON data block, which is not a script), so the policy allows nothing else; no other
 * site may frame them; a browser takes each file for what its type says; no address leaks to another
 * site. A page is kept in a browsing context group of its own (Cross-Origin-Opener-Policy) where the
 * browser heeds it: over https, or on this machine; a browser ignores it over plain http by an address
 * or a name, and says so in its console on every page, so it is not sent there.
 * <p>
 * It is a valve of Tomcat's engine ({@link TomcatSettings}), not a servlet filter, so that it also
 * dresses the answers Tomcat gives itself before any servlet runs (a TRACE's 405, a malformed URL's 400).
 * Stateless and thread-safe.
 */
final class SecurityHeaders extends ValveBase {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			// blob: images: the page exports its timeline as a PNG by drawing its SVG, made a blob, on a canvas
			+ "img-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** Names a browser takes for this machine, a "potentially trustworthy" origin even over http. */
	private static final Pattern LOOPBACK = Pattern.compile("localhost|127(\\.\\d{1,3}){3}|\\[?::1]?|\\[?0:0:0:0:0:0:0:1]?");

	SecurityHeaders() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		apply(request, response);
		getNext().invoke(request, response);
	}

	static void apply(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		if (request.isSecure() || isLoopback(request.getServerName())) {
			response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		}
	}

	static boolean isLoopback(String serverName) {
		return serverName != null && LOOPBACK.matcher(serverName).matches();
	}

}
