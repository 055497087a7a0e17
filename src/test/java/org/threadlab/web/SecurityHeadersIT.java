package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every response carries the security headers, the pages keep the content security policy they are
 * sent with (no inline script, style or handler), and the only actuator endpoints are health and info.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityHeadersIT {

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void everyResponseCarriesTheSecurityHeaders() throws Exception {
		for (String path : List.of("/", "/?lang=zh", "/scenarios/thread-target", "/css/app.css", "/js/scenario-page.js",
				"/webjars/d3/dist/d3.min.js", "/no-such-page", "/scenarios/no-such-scenario", "/actuator/health",
				"/actuator/info", "/actuator/env")) {
			HttpResponse<String> response = get(path);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
			assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("script-src 'self';", "style-src 'self';",
					"frame-ancestors 'none'").doesNotContain("unsafe");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
		}
	}

	@Test
	void tomcatsOwnErrorAnswersCarryTheHeadersToo() throws Exception {
		for (String request : List.of("TRACE / HTTP/1.1", "GET /%zz HTTP/1.1", "GET /a%00b HTTP/1.1")) {
			String answer = raw(request, "localhost:" + port);
			assertThat(answer).as(request).startsWith("HTTP/1.1 4");
			assertThat(answer).as(request).contains("Content-Security-Policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY,
					"X-Content-Type-Options: nosniff", "X-Frame-Options: DENY", "Referrer-Policy: same-origin");
		}
	}

	@Test
	void crossOriginOpenerPolicyGoesOnlyWhereABrowserHeedsIt() throws Exception {
		for (String host : List.of("localhost", "127.0.0.1", "[::1]")) {
			assertThat(raw("GET / HTTP/1.1", host + ":" + port)).as(host).contains("Cross-Origin-Opener-Policy: same-origin");
		}
		for (String host : List.of("192.0.2.10", "lab.example.org")) {
			assertThat(raw("GET / HTTP/1.1", host + ":" + port)).as("plain http to %s: the browser would only complain", host)
				.startsWith("HTTP/1.1 200").doesNotContain("Cross-Origin-Opener-Policy");
		}
	}

	/** The head of the answer to a request written by hand, with the given Host. */
	private String raw(String requestLine, String host) throws Exception {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write((requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
				.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
			String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
			int end = answer.indexOf("\r\n\r\n");
			return end < 0 ? answer : answer.substring(0, end);
		}
	}

	@Test
	void thePagesHaveNoInlineScriptStyleOrHandlerForThePolicyToBlock() throws Exception {
		for (String path : List.of("/", "/scenarios/thread-target", "/scenarios/gil-race?lang=zh", "/no-such-page")) {
			String page = get(path).body();
			assertThat(INLINE_SCRIPT.matcher(page).find()).as(path + " has an inline script").isFalse();
			assertThat(INLINE_STYLE.matcher(page).find()).as(path + " has an inline style or handler").isFalse();
		}
	}

	@Test
	void onlyHealthAndInfoAreExposedForALoadBalancerToProbe() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/info").body()).contains("ThreadLab");
		for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/heapdump",
				"/actuator/threaddump", "/actuator/configprops", "/actuator/loggers", "/actuator/mappings")) {
			assertThat(get(hidden).statusCode()).as(hidden).isEqualTo(404);
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
