package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.testing.RawWebSocket;

/**
 * Only the server's own pages may open the run socket: the handshake checks Origin and Host, so a
 * foreign page is refused even when it rebinds its own name to the server's address; a malformed
 * header is answered 400 with one log line, never a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class HandshakeIT {

	static int status(int port, String host, String... origins) throws Exception {
		Map<String, String> headers = new HashMap<>();
		headers.put("Host", host);
		if (origins.length == 1) {
			headers.put("Origin", origins[0]);
		}
		else if (origins.length > 1) {
			headers.put("Origin", origins[0] + "\r\nOrigin: " + origins[1]); // the header twice
		}
		try (RawWebSocket socket = RawWebSocket.open(port, headers, 0)) {
			return socket.status();
		}
	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	class ByDefault {

		@LocalServerPort
		int port;

		@Test
		void aPageOfTheServersOwnOriginOpensTheSocketByNameLocalhostOrByAddress() throws Exception {
			assertThat(status(port, "localhost:" + port, "http://localhost:" + port)).isEqualTo(101);
			assertThat(status(port, "127.0.0.1:" + port, "http://127.0.0.1:" + port)).isEqualTo(101);
			assertThat(status(port, "[::1]:" + port, "http://[::1]:" + port)).isEqualTo(101);
			assertThat(status(port, "localhost:" + port)).as("no Origin: not a browser's page").isEqualTo(101);
		}

		@Test
		void aForeignPageIsRefusedEvenWhenItRebindsItsNameToTheServer() throws Exception {
			assertThat(status(port, "localhost:" + port, "http://evil.example")).isEqualTo(403);
			assertThat(status(port, "localhost:" + port, "http://localhost:" + (port + 1))).isEqualTo(403);
			assertThat(status(port, "localhost:" + port, "https://localhost:" + port)).isEqualTo(403);
			assertThat(status(port, "localhost:" + port, "null")).isEqualTo(403);
			assertThat(status(port, "evil.example:" + port, "http://evil.example:" + port))
				.as("DNS rebinding: Host and Origin agree, and are foreign").isEqualTo(403);
		}

		@Test
		void aMalformedOriginGetsA400AndOneLogLine(CapturedOutput output) throws Exception {
			int before = output.getOut().length() + output.getErr().length();
			String[] malformed = { "", "http://[bad", "::::", "http://exa mple.com", "http://localhost:" + port + "/path",
					"ftp://localhost", "localhost", "http://" + "a".repeat(400) };
			for (String origin : malformed) {
				assertThat(status(port, "localhost:" + port, origin)).as(origin).isEqualTo(400);
			}
			assertThat(status(port, "localhost:" + port, "http://localhost:" + port, "http://localhost:" + port))
				.as("two Origins").isEqualTo(400);
			String logged = (output.getOut() + output.getErr()).substring(before);
			assertThat(logged.lines().filter(line -> line.contains("refused a run socket"))).hasSize(malformed.length + 1);
			assertThat(logged).doesNotContain("\tat ", "Exception");
		}


		@Test
		void otherMalformedHandshakeHeadersAreRefusedOrIgnoredNeverA500(CapturedOutput output) throws Exception {
			String host = "localhost:" + port;
			String origin = "http://" + host;
			java.util.List<Map<String, String>> refused = java.util.List.of(Map.of("Sec-WebSocket-Version", "banana"),
					Map.of("Sec-WebSocket-Version", "8"), Map.of("Sec-WebSocket-Key", ""), Map.of("Upgrade", "banana"),
					Map.of("Connection", "close"), Map.of("Host", "local host"), Map.of("Host", "[::1"),
					Map.of("Origin", origin + "\u00e9"));
			java.util.List<Map<String, String>> ignored = java.util.List.of(Map.of("Sec-WebSocket-Key", "%%%%"),
					Map.of("Sec-WebSocket-Extensions", ";;;=,,permessage-deflate; client_max_window_bits=zz"),
					Map.of("Sec-WebSocket-Protocol", ",,,"));
			for (Map<String, String> headers : refused) {
				assertThat(statusWith(host, origin, headers)).as(headers.toString()).isBetween(400, 499);
			}
			for (Map<String, String> headers : ignored) {
				assertThat(statusWith(host, origin, headers)).as(headers.toString()).isIn(101, 400);
			}
			assertThat(output.getOut() + output.getErr()).doesNotContain("\tat ");
		}

		private int statusWith(String host, String origin, Map<String, String> headers) throws Exception {
			Map<String, String> all = new HashMap<>(Map.of("Host", host, "Origin", origin));
			all.putAll(headers);
			try (RawWebSocket socket = RawWebSocket.open(port, all, 0)) {
				return socket.status();
			}
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
			"threadlab.web.allowed-origins=https://lab.example.org", "server.forward-headers-strategy=native" })
	class BehindAProxyWithItsOriginListed {

		@LocalServerPort
		int port;

		@Test
		void theListedOriginIsLetInAndNoOtherHostOrOrigin() throws Exception {
			Map<String, String> proxied = Map.of("Host", "lab.example.org", "X-Forwarded-Proto", "https",
					"Origin", "https://lab.example.org");
			try (RawWebSocket socket = RawWebSocket.open(port, proxied, 0)) {
				assertThat(socket.status()).isEqualTo(101);
			}
			Map<String, String> otherOrigin = new HashMap<>(proxied);
			otherOrigin.put("Origin", "https://evil.example");
			try (RawWebSocket socket = RawWebSocket.open(port, otherOrigin, 0)) {
				assertThat(socket.status()).isEqualTo(403);
			}
			assertThat(status(port, "localhost:" + port, "http://localhost:" + port))
				.as("not listed: its own origin is not enough once origins are listed").isEqualTo(403);
		}

	}

}
