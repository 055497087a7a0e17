package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.SocketClient;

import tools.jackson.databind.JsonNode;

/** A server shared by a room: its limits hold, and one user's excess does not touch another's run. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "threadlab.runs.max-concurrent=1", "threadlab.runs.max-seconds=3" })
class RunLimitsIT {

	@LocalServerPort
	int port;

	@AfterEach
	void nothingIsLeftRunning() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
	}

	@Test
	void aRunPastTheServersLimitIsRefusedAsBusyAndTheRunningOneGoesOn() throws Exception {
		try (SocketClient first = new SocketClient(port); SocketClient second = new SocketClient(port)) {
			first.start("thread-target", "{\"htmlSeconds\": 10, \"urlSeconds\": 10}", 1);
			long runId = first.next("started").get("runId").asLong();

			second.start("thread-target", "{}", 1);
			JsonNode busy = second.next();
			assertThat(busy.get("code").asString()).isEqualTo("busy");
			assertThat(busy.get("details").get("limit").asInt()).isEqualTo(1);

			first.send("{\"type\":\"cancel\"}");
			first.eventsUntilEnd(runId);
			assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();

			second.start("thread-target", "{\"htmlSeconds\": 0.1, \"urlSeconds\": 0.1}", 10);
			second.eventsUntilEnd(second.next("started").get("runId").asLong());
		}
	}

	@Test
	void aRunThatOutlastsTheTimeLimitIsStoppedAndSaysWhy() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			client.start("thread-target", "{\"htmlSeconds\": 10, \"urlSeconds\": 10}", 1);
			long runId = client.next("started").get("runId").asLong();
			JsonNode end;
			do {
				end = client.next();
			}
			while (!"end".equals(end.path("type").asString()) || end.get("runId").asLong() != runId);
			assertThat(end.get("outcome").get("status").asString()).isEqualTo("CANCELLED");
			assertThat(end.get("outcome").get("error").asString()).contains("3 s", "limit");
		}
	}

	@Test
	void anOversizedMessageClosesOnlyThatSocket() throws Exception {
		try (SocketClient other = new SocketClient(port)) {
			SocketClient rude = new SocketClient(port);
			try {
				rude.send("{\"type\":\"start\",\"scenario\":\"" + "x".repeat(64 * 1024) + "\"}");
			}
			catch (java.util.concurrent.CompletionException closedWhileSending) {
				// the server may close the socket before the client has finished sending: the same verdict
			}
			assertThat(rude.awaitClosed(Duration.ofSeconds(10))).as("the rude socket is closed").isTrue();

			other.start("thread-target", "{\"htmlSeconds\": 0.1, \"urlSeconds\": 0.1}", 10);
			other.eventsUntilEnd(other.next("started").get("runId").asLong());
		}
	}

}
