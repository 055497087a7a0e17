package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.launch.RunLauncher;
import org.threadlab.testing.RawWebSocket;
import org.threadlab.testing.SocketClient;

/**
 * What one client cannot take from the others: more run sockets than its share or than the server
 * holds (refused at the handshake with 429 or 503, or just after opening with 1013, counted, logged once);
 * more TCP connections than its share (closed as soon as accepted, a slow sender of headers too); another
 * client's share by forging X-Forwarded-For; a socket held open by announcing a frame it never sends.
 * Small caps here: a client 3 sockets and 6 connections, the server 5 sockets.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileClientIT {

	static RawWebSocket socketFrom(int port, String forwardedFor) throws IOException {
		Map<String, String> headers = new HashMap<>();
		if (forwardedFor != null) {
			headers.put("X-Forwarded-For", forwardedFor);
		}
		return RawWebSocket.open(port, headers, 0);
	}

	static void closeAll(List<RawWebSocket> sockets) throws IOException {
		for (RawWebSocket socket : sockets) {
			socket.close();
		}
	}

	/** Learners behind a proxy the server trusts (loopback), each an address of its own. */
	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "threadlab.web.client.max-sockets=3",
			"threadlab.web.max-sockets=5", "threadlab.web.client.max-connections=6", "server.forward-headers-strategy=native" })
	class Sockets {

		@LocalServerPort
		int port;

		@Autowired
		RunSocketHandler sockets;

		@Autowired
		EventPump pump;

		@Autowired
		RunLauncher launcher;

		@Autowired
		SocketCaps caps;

		@AfterEach
		void nothingIsLeft() throws InterruptedException {
			ServerLeftovers.awaitNone(sockets, pump, launcher);
			ServerLeftovers.awaitZero(caps::open, "places taken");
		}

		@Test
		void aClientOverItsShareIsRefusedWith429AndAnotherClientsRunGoesOn(CapturedOutput output) throws Exception {
			List<RawWebSocket> open = new ArrayList<>();
			try {
				for (int i = 0; i < 3; i++) {
					open.add(socketFrom(port, "10.1.0.1"));
					assertThat(open.get(i).status()).isEqualTo(101);
				}
				ServerLeftovers.awaitZero(() -> 3 - caps.open(), "the three sockets' places");
				long refusedBefore = caps.refusals();
				for (int i = 0; i < 10; i++) {
					try (RawWebSocket refused = socketFrom(port, "10.1.0.1")) {
						assertThat(refused.status()).isEqualTo(429);
						assertThat(refused.header("Retry-After")).isEqualTo(CappedHandshake.RETRY_AFTER_SECONDS);
					}
				}
				assertThat(caps.refusals() - refusedBefore).isEqualTo(10);
				try (SocketClient other = SocketClient.from("10.1.0.2", port)) {
					other.start("thread-target", "{\"htmlSeconds\": 0.1, \"urlSeconds\": 0.1}", 10);
					assertThat(other.outcomeOf(other.next("started").get("runId").asLong()).get("status").asString())
						.isEqualTo("COMPLETED");
				}
				assertThat(output.getOut().lines().filter(line -> line.contains("refused run sockets")))
					.as("ten refusals, one line at most (none if one was logged this minute)").hasSizeLessThanOrEqualTo(1);
			}
			finally {
				closeAll(open);
			}
		}

		@Test
		void theServerAtItsLimitRefusesEveryClientWith503() throws Exception {
			List<RawWebSocket> open = new ArrayList<>();
			try {
				for (String client : List.of("10.2.0.1", "10.2.0.1", "10.2.0.1", "10.2.0.2", "10.2.0.2")) {
					open.add(socketFrom(port, client));
					assertThat(open.get(open.size() - 1).status()).isEqualTo(101);
				}
				ServerLeftovers.awaitZero(() -> 5 - caps.open(), "the five sockets' places");
				try (RawWebSocket refused = socketFrom(port, "10.2.0.3")) {
					assertThat(refused.status()).isEqualTo(503);
				}
				open.remove(0).close();
				ServerLeftovers.awaitZero(() -> caps.open() - 4, "a place given back");
				try (RawWebSocket next = socketFrom(port, "10.2.0.3")) {
					assertThat(next.status()).as("a place is free again").isEqualTo(101);
				}
			}
			finally {
				closeAll(open);
			}
		}

		@Test
		void socketsRacingPastTheHandshakesLookAreClosedWith1013AndTheCapHolds() throws Exception {
			ExecutorService racers = Executors.newFixedThreadPool(12);
			List<RawWebSocket> all = new ArrayList<>();
			try {
				List<Future<RawWebSocket>> opening = new ArrayList<>();
				for (int i = 0; i < 24; i++) {
					opening.add(racers.submit((Callable<RawWebSocket>) () -> socketFrom(port, "10.3.0.1")));
				}
				for (Future<RawWebSocket> socket : opening) {
					all.add(socket.get());
				}
				int stayed = 0;
				for (RawWebSocket socket : all) {
					if (socket.status() == 101) {
						int code = socket.closeCode(1500);
						assertThat(code).as("an opened socket stays, or is closed with 1013")
							.isIn(RawWebSocket.STILL_OPEN, 1013);
						stayed += code == RawWebSocket.STILL_OPEN ? 1 : 0;
					}
					else {
						assertThat(socket.status()).isEqualTo(429);
					}
				}
				assertThat(stayed).as("the client's share, no more").isEqualTo(3);
				assertThat(sockets.open()).isEqualTo(3);
			}
			finally {
				racers.shutdownNow();
				closeAll(all);
			}
		}

		@Test
		void aFrameAnnouncingTwoToTheSixtySecondBytesClosesItsSocketAtOnceWith1009() throws Exception {
			try (RawWebSocket socket = socketFrom(port, "10.4.0.1")) {
				assertThat(socket.status()).isEqualTo(101);
				long before = System.nanoTime();
				// FIN + text, masked, 64-bit length 2^62, the mask; then nothing
				socket.sendRaw(new byte[] { (byte) 0x81, (byte) 0xff, 0x40, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4 });
				assertThat(socket.closeCode(5000)).isEqualTo(1009);
				assertThat(socket.closedByServer(5000)).as("the connection too, not only the close frame").isTrue();
				assertThat((System.nanoTime() - before) / 1_000_000).as("ms").isLessThan(3000);
			}
		}

		@Test
		void aLongMessageComesInPartsAndOneOverTheLimitClosesItsSocketWith1009() throws Exception {
			try (SocketClient client = SocketClient.from("10.5.0.1", port)) {
				String name = "p".repeat(12_000); // far over the container's buffer, under the limit
				client.send("{\"type\":\"start\",\"scenario\":\"thread-target\",\"params\":{\"" + name + "\":1}}");
				assertThat(client.next("error").get("code").asString()).isEqualTo("bad-parameter");
			}
			try (RawWebSocket socket = socketFrom(port, "10.5.0.2")) {
				socket.sendText("{\"type\":\"cancel\",\"pad\":\"" + "x".repeat(WebSocketConfig.MAX_INCOMING_MESSAGE) + "\"}");
				assertThat(socket.closeCode(5000)).isEqualTo(1009);
			}
		}

	}

	/** A proxy's X-Forwarded-For is believed only from the proxy's own hop, and only from a trusted proxy. */
	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "threadlab.web.client.max-sockets=3",
			"threadlab.web.max-sockets=50", "threadlab.web.client.max-connections=60",
			"server.forward-headers-strategy=native" })
	class ForwardedFor {

		@LocalServerPort
		int port;

		@Autowired
		SocketCaps caps;

		@Test
		void aForgedAddressBeforeTheProxysHopGetsNoShareOfItsOwn() throws Exception {
			List<RawWebSocket> open = new ArrayList<>();
			try {
				// a learner on a private network names other addresses; the proxy appends the learner's own
				for (int i = 0; i < 3; i++) {
					open.add(socketFrom(port, "203.0.113." + i + ", 10.6.0.1"));
					assertThat(open.get(i).status()).isEqualTo(101);
				}
				ServerLeftovers.awaitZero(() -> 3 - caps.open(), "the three sockets' places");
				try (RawWebSocket forged = socketFrom(port, "203.0.113.99, 10.6.0.1")) {
					assertThat(forged.status()).as("all of them are 10.6.0.1's").isEqualTo(429);
				}
			}
			finally {
				closeAll(open);
			}
		}

	}

	/** The same server, with a proxy elsewhere: loopback is a client like any, whose X-Forwarded-For is not believed. */
	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "threadlab.web.client.max-sockets=3",
			"threadlab.web.max-sockets=50", "threadlab.web.client.max-connections=6",
			"server.forward-headers-strategy=native", "server.tomcat.remoteip.internal-proxies=10\\.255\\.255\\.254" })
	class UntrustedForwardedFor {

		@LocalServerPort
		int port;

		@Autowired
		SocketCaps caps;

		@Test
		void aClientThatIsNoTrustedProxyCannotNameOtherAddresses() throws Exception {
			List<RawWebSocket> open = new ArrayList<>();
			try {
				for (int i = 0; i < 3; i++) {
					open.add(socketFrom(port, "203.0.113." + i));
					assertThat(open.get(i).status()).isEqualTo(101);
				}
				ServerLeftovers.awaitZero(() -> 3 - caps.open(), "the three sockets' places");
				try (RawWebSocket forged = socketFrom(port, "203.0.113.99")) {
					assertThat(forged.status()).as("all of them are 127.0.0.1's").isEqualTo(429);
				}
			}
			finally {
				closeAll(open);
			}
		}

	}

	/** Plain TCP connections, served directly (no proxy): each client (an address of loopback here) has its share. */
	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "threadlab.web.client.max-sockets=3",
			"threadlab.web.max-sockets=50", "threadlab.web.client.max-connections=6" })
	class Connections {

		@LocalServerPort
		int port;

		@Test
		void aClientHoldingItsShareOfConnectionsSendingHeadersSlowlyHoldsUpNoOneElse(CapturedOutput output)
				throws Exception {
			List<Socket> slow = new ArrayList<>();
			try {
				for (int i = 0; i < 6; i++) {
					Socket socket = connectFrom("127.0.0.2");
					socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII));
					slow.add(socket); // a slowloris: its headers never end
				}
				for (int i = 0; i < 5; i++) {
					try (Socket refused = connectFrom("127.0.0.2")) {
						assertThat(closedAtOnce(refused)).as("a connection over the client's share").isTrue();
					}
				}
				try (Socket other = connectFrom("127.0.0.3")) {
					OutputStream out = other.getOutputStream();
					out.write(("GET /actuator/health HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
					String answer = new String(other.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
					assertThat(answer).startsWith("HTTP/1.1 200").contains("\"UP\"");
				}
				assertThat(output.getOut().lines().filter(line -> line.contains("refused connections")))
					.as("five refusals, one line").hasSize(1);
			}
			finally {
				for (Socket socket : slow) {
					socket.close();
				}
			}
		}

		private Socket connectFrom(String local) throws IOException {
			Socket socket = new Socket();
			socket.bind(new InetSocketAddress(local, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			return socket;
		}

		/** Whether the server closed the connection within a second, without answering anything. */
		private static boolean closedAtOnce(Socket socket) throws IOException {
			socket.setSoTimeout(1000);
			InputStream in = socket.getInputStream();
			try {
				return in.read() < 0;
			}
			catch (SocketTimeoutException stillOpen) {
				return false;
			}
			catch (IOException reset) {
				return true;
			}
		}

	}

}
