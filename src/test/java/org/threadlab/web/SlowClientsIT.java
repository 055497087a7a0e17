package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.launch.RunLauncher;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.RawWebSocket;
import org.threadlab.testing.SocketClient;
import org.threadlab.testing.Trace;

import tools.jackson.databind.JsonNode;

/**
 * A slow client slows only itself: sockets that stop reading while their runs pour out events hold up
 * no other learner, and a run whose end was sent is let go even while its socket stays open. (The stall
 * limit is a minute here, so the slow sockets stay open, stalled, through the whole test.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "threadlab.web.stall-seconds=60", "server.forward-headers-strategy=native" })
class SlowClientsIT {

	/** A run that records fast: twenty consumers polling a shared list every real millisecond. */
	static final String POURING = "{\"type\":\"start\",\"scenario\":\"shared-list\",\"params\":{\"urls\":60,"
			+ "\"maxLength\":1,\"consumers\":20,\"listSeconds\":10,\"detailSeconds\":10,\"pollSeconds\":0.1},"
			+ "\"settings\":{\"speed\":100}}";

	/** A socket with a message on the wire this long has stopped reading. */
	static final long STALLED = TimeUnit.SECONDS.toNanos(1);

	@LocalServerPort
	int port;

	@Autowired
	RunSocketHandler sockets;

	@Autowired
	EventPump pump;

	@Autowired
	RunLauncher launcher;

	@AfterEach
	void nothingIsLeft() throws InterruptedException {
		ServerLeftovers.awaitNone(sockets, pump, launcher);
	}

	@Test
	void fourSocketsThatStopReadingHoldUpNoOtherLearner() throws Exception {
		List<RawWebSocket> slow = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				RawWebSocket reader = RawWebSocket.open(port, Map.of("X-Forwarded-For", "10.9.0." + i), 4096);
				assertThat(reader.status()).isEqualTo(101);
				slow.add(reader); // it never reads again
			}
			stallAll(sockets, slow);

			for (int round = 0; round < 3; round++) {
				List<SocketClient> learners = new ArrayList<>();
				for (int i = 0; i < 10; i++) {
					SocketClient learner = SocketClient.from("10.8.0." + i, port);
					learner.start("thread-target", "{\"htmlSeconds\": 0.1, \"urlSeconds\": 0.2}", 10);
					learners.add(learner);
				}
				for (SocketClient learner : learners) {
					try (learner) {
						Trace trace = Trace.fromJson(learner.eventsUntilEnd(learner.next("started").get("runId").asLong()));
						assertThat(((JsonNode) trace.end().value()).get("status").asString()).isEqualTo("COMPLETED");
					}
				}
			}
			assertThat(sockets.stalled(STALLED)).as("the slow ones were stalled all along, and are still open")
				.isEqualTo(4);
		}
		finally {
			for (RawWebSocket reader : slow) {
				reader.close();
			}
		}
	}

	@Test
	void aRunWhoseEndWasSentIsLetGoWhileItsSocketStaysOpen() throws Exception {
		List<SocketClient> open = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				SocketClient learner = SocketClient.from("10.7.0." + i, port);
				learner.send(POURING.replace("\"speed\":100", "\"speed\":100,\"gil\":false"));
				open.add(learner);
			}
			for (SocketClient learner : open) {
				learner.eventsUntilEnd(learner.next("started").get("runId").asLong());
			}
			assertThat(sockets.open()).isEqualTo(20);
			ServerLeftovers.awaitZero(sockets::held, "runs held by open sockets");
			ServerLeftovers.awaitZero(pump::following, "streams followed");
		}
		finally {
			open.forEach(SocketClient::close);
		}
	}

	/**
	 * Keeps the slow readers' runs pouring out events until the server has a message on the wire to
	 * each for a while: the kernel takes megabytes per socket before a write has to wait, more than
	 * one run records.
	 */
	static void stallAll(RunSocketHandler sockets, List<RawWebSocket> slow) throws Exception {
		int stalled = Eventually.within(Duration.ofSeconds(60))
			.every(Duration.ofMillis(300)) // pacing the load, not waiting for an outcome
			.last(() -> {
				int now = sockets.stalled(STALLED);
				if (now < slow.size()) {
					pour(slow);
				}
				return now;
			}, now -> now >= slow.size());
		assertThat(stalled).as("stalled sockets").isEqualTo(slow.size());
	}

	/** A new start on each slow socket: it replaces the last, another run's worth of events. */
	private static void pour(List<RawWebSocket> slow) {
		try {
			for (RawWebSocket reader : slow) {
				reader.sendText(POURING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
