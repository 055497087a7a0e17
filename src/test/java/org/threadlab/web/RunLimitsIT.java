package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.launch.Occupancy;
import org.threadlab.launch.RunLauncher;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.SocketClient;

import tools.jackson.databind.JsonNode;

/**
 * A server shared by a room: a run that does not fit waits its turn and hears its place, a client
 * cannot take more than its share, only a full queue refuses, and one user's excess does not touch
 * another's run. Room here: 6 threads, a client 3 (one thread-target run of 3 threads each); learners
 * come from distinct addresses through a proxy the server trusts (X-Forwarded-For from loopback).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "threadlab.runs.max-seconds=3", "threadlab.admission.threads=6",
				"threadlab.admission.client.threads=3", "threadlab.admission.queue=3",
				"threadlab.admission.client.queue=2", "server.forward-headers-strategy=native" })
class RunLimitsIT {

	private static final String LONG = "{\"htmlSeconds\": 10, \"urlSeconds\": 10}";

	private static final String SHORT = "{\"htmlSeconds\": 0.1, \"urlSeconds\": 0.1}";

	@LocalServerPort
	int port;

	@Autowired
	RunLauncher launcher;

	@Autowired
	RunSocketHandler sockets;

	@AfterEach
	void nothingIsLeftRunningOrWaiting() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(launcher.occupancy()).isEqualTo(new Occupancy(0, 0, 0, 0, 0, 0));
	}

	@Test
	void aClientAtItsShareWaitsItsTurnWhileABystanderStartsAtOnce() throws Exception {
		try (SocketClient first = SocketClient.from("10.1.0.1", port);
				SocketClient second = SocketClient.from("10.1.0.1", port);
				SocketClient bystander = SocketClient.from("10.1.0.2", port)) {
			first.start("thread-target", LONG, 1);
			long firstRun = first.next("started").get("runId").asLong();

			second.start("thread-target", SHORT, 10);
			JsonNode queued = second.next();
			assertThat(queued.get("type").asString()).isEqualTo("queued");
			assertThat(queued.get("position").asInt()).isEqualTo(1);

			bystander.start("thread-target", SHORT, 10);
			bystander.eventsUntilEnd(bystander.next("started").get("runId").asLong());

			first.send("{\"type\":\"cancel\"}");
			first.eventsUntilEnd(firstRun);
			JsonNode started = second.next();
			assertThat(started.get("type").asString()).as("its turn came: no busy, no retry").isEqualTo("started");
			second.eventsUntilEnd(started.get("runId").asLong());
		}
	}

	@Test
	void aWaitingRequestLeavesTheQueueWhenItsSocketCancelsReplacesOrClosesIt() throws Exception {
		try (SocketClient a = SocketClient.from("10.2.0.1", port); SocketClient b = SocketClient.from("10.2.0.2", port);
				SocketClient c = SocketClient.from("10.2.0.3", port)) {
			SocketClient d = SocketClient.from("10.2.0.4", port);
			a.start("thread-target", LONG, 1);
			long aRun = a.next("started").get("runId").asLong();
			b.start("thread-target", LONG, 1);
			long bRun = b.next("started").get("runId").asLong();

			c.start("thread-target", SHORT, 10);
			assertThat(c.next("queued").get("position").asInt()).isEqualTo(1);
			d.start("thread-target", SHORT, 10);
			assertThat(d.next("queued").get("position").asInt()).isEqualTo(2);

			c.send("{\"type\":\"cancel\"}");
			assertThat(d.next("queued").get("position").asInt()).as("C left: D is next").isEqualTo(1);
			d.start("thread-subclass", "{}", 10);
			assertThat(d.next("queued").get("position").asInt()).as("the new request took the old one's place")
				.isEqualTo(1);
			assertThat(launcher.occupancy().waiting()).isEqualTo(1);
			d.close();
			awaitWaiting(0);

			a.send("{\"type\":\"cancel\"}");
			b.send("{\"type\":\"cancel\"}");
			a.eventsUntilEnd(aRun);
			b.eventsUntilEnd(bRun);
			assertThat(c.poll(Duration.ofMillis(300))).as("a cancelled request hears nothing more").isNull();
		}
	}

	@Test
	void onlyAFullQueueAnswersBusy() throws Exception {
		try (SocketClient a = SocketClient.from("10.3.0.1", port); SocketClient b = SocketClient.from("10.3.0.2", port);
				SocketClient a2 = SocketClient.from("10.3.0.1", port); SocketClient a3 = SocketClient.from("10.3.0.1", port);
				SocketClient a4 = SocketClient.from("10.3.0.1", port); SocketClient c = SocketClient.from("10.3.0.3", port);
				SocketClient d = SocketClient.from("10.3.0.4", port)) {
			a.start("thread-target", LONG, 1);
			long aRun = a.next("started").get("runId").asLong();
			b.start("thread-target", LONG, 1);
			long bRun = b.next("started").get("runId").asLong();
			a2.start("thread-target", SHORT, 10);
			a2.next("queued");
			a3.start("thread-target", SHORT, 10);
			a3.next("queued");

			a4.start("thread-target", SHORT, 10);
			JsonNode mineFull = a4.next();
			assertThat(mineFull.get("code").asString()).isEqualTo("busy");
			assertThat(mineFull.get("details").get("queue").asString()).isEqualTo("client");
			assertThat(mineFull.get("details").get("limit").asInt()).isEqualTo(2);

			c.start("thread-target", SHORT, 10);
			c.next("queued");
			d.start("thread-target", SHORT, 10);
			JsonNode serverFull = d.next();
			assertThat(serverFull.get("code").asString()).isEqualTo("busy");
			assertThat(serverFull.get("details").get("queue").asString()).isEqualTo("server");
			assertThat(serverFull.get("details").get("limit").asInt()).isEqualTo(3);

			a.send("{\"type\":\"cancel\"}");
			b.send("{\"type\":\"cancel\"}");
			a.eventsUntilEnd(aRun);
			b.eventsUntilEnd(bRun);
			for (SocketClient waited : new SocketClient[] { a2, a3, c }) {
				waited.eventsUntilEnd(waited.next("started").get("runId").asLong());
			}
		}
	}

	@Test
	void aRunThatOutlastsTheTimeLimitIsStoppedAndSaysWhy() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			client.start("thread-target", LONG, 1);
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

			other.start("thread-target", SHORT, 10);
			other.eventsUntilEnd(other.next("started").get("runId").asLong());
		}
	}

	private void awaitWaiting(int expected) throws InterruptedException {
		// the server notices the close on its own thread
		Eventually.within(Duration.ofSeconds(10))
			.until(expected + " runs waiting for room", () -> launcher.occupancy().waiting(), n -> n == expected);
	}

}
