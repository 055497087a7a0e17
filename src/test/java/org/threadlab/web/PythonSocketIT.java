package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.cpython.PythonRuns;
import org.threadlab.testing.Pythons;
import org.threadlab.testing.SocketClient;

import tools.jackson.databind.JsonNode;

/** The same listing under real CPython, over the run socket: its lines with their times, within the limits. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "threadlab.python.max-concurrent=1", "threadlab.python.max-output-bytes=1000" })
class PythonSocketIT {

	@LocalServerPort
	int port;

	@Autowired
	PythonRuns pythons;

	@AfterEach
	void noListingIsLeftRunning() throws InterruptedException {
		assertThat(Pythons.awaitNoListing(Duration.ofSeconds(10))).as("python processes left").isEmpty();
		ServerLeftovers.awaitZero(pythons::going, "listings going");
	}

	private static void python(SocketClient client, String scenario, String params, double speed) {
		client.send("{\"type\":\"python\",\"scenario\":\"" + scenario + "\",\"params\":" + params + ",\"settings\":{\"speed\":"
				+ speed + "},\"lang\":\"zh\"}");
	}

	/** Every line of python-output messages up to python-end, which is returned last. */
	private static List<JsonNode> linesUntilEnd(SocketClient client) throws InterruptedException {
		List<JsonNode> lines = new ArrayList<>();
		while (true) {
			JsonNode message = client.next();
			switch (message.path("type").asString()) {
				case "python-output" -> message.get("lines").forEach(lines::add);
				case "python-end" -> {
					lines.add(message);
					return lines;
				}
				default -> throw new AssertionError("unexpected message: " + message);
			}
		}
	}

	@Test
	void theListingRunsInCPythonAndItsLinesArriveWithTheirLessonTimes() throws Exception {
		String version = Pythons.interpreter().version();
		try (SocketClient client = new SocketClient(port)) {
			python(client, "thread-target", "{\"htmlSeconds\":1,\"urlSeconds\":3}", 20);
			JsonNode started = client.next();
			assertThat(started.get("type").asString()).isEqualTo("python-started");
			assertThat(started.get("version").asString()).isEqualTo(version);
			List<JsonNode> lines = linesUntilEnd(client);
			JsonNode end = lines.remove(lines.size() - 1);
			assertThat(end.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(lines).extracting(l -> l.get("text").asString()).hasSize(5).startsWith("get detail html started",
					"get detail url started", "get detail html end", "get detail url end");
			assertThat(lines.get(4).get("text").asString()).startsWith("last time: 3.");
			assertThat(lines.get(2).get("t").asDouble()).as("the 1 s sleep spans 1 lesson second").isBetween(1.0, 1.5);
			assertThat(lines.get(3).get("thread").asString()).isEqualTo("Thread-2 (get_detail_url)");
			assertThat(lines).allMatch(l -> l.get("stream").asString().equals("out"));
			assertThat(end.get("elapsed").asDouble()).isBetween(3.0, 4.0);
		}
	}

	@Test
	void closingTheSocketEndsTheProgram() throws Exception {
		Pythons.interpreter();
		try (SocketClient client = new SocketClient(port)) {
			python(client, "semaphore", "{}", 1);
			assertThat(client.next().get("type").asString()).isEqualTo("python-started");
			assertThat(Pythons.awaitNoListing(Duration.ZERO)).as("it runs").isNotEmpty();
			client.vanish();
		}
	}

	@Test
	void cancelEndsTheProgramAndSaysSo() throws Exception {
		Pythons.interpreter();
		try (SocketClient client = new SocketClient(port)) {
			python(client, "semaphore", "{}", 1);
			assertThat(client.next().get("type").asString()).isEqualTo("python-started");
			client.send("{\"type\":\"cancel\"}");
			List<JsonNode> lines = linesUntilEnd(client);
			assertThat(lines.get(lines.size() - 1).get("status").asString()).isEqualTo("CANCELLED");
		}
	}

	@Test
	void aListingThatPrintsMoreThanTheLimitIsStopped() throws Exception {
		Pythons.interpreter();
		try (SocketClient client = new SocketClient(port)) {
			python(client, "queue", "{\"listSeconds\":0,\"detailSeconds\":0.1}", 20);
			assertThat(client.next().get("type").asString()).isEqualTo("python-started");
			List<JsonNode> lines = linesUntilEnd(client);
			JsonNode end = lines.get(lines.size() - 1);
			assertThat(end.get("status").asString()).isEqualTo("FAILED");
			assertThat(end.get("error").asString()).contains("more than 1000 bytes");
		}
	}

	@Test
	void oneRunTooManyIsRefusedAsBusy() throws Exception {
		Pythons.interpreter();
		try (SocketClient first = new SocketClient(port); SocketClient second = new SocketClient(port)) {
			python(first, "semaphore", "{}", 1);
			assertThat(first.next().get("type").asString()).isEqualTo("python-started");
			python(second, "semaphore", "{}", 1);
			JsonNode refused = second.next();
			assertThat(refused.get("type").asString()).isEqualTo("error");
			assertThat(refused.get("code").asString()).isEqualTo("busy");
			first.send("{\"type\":\"cancel\"}");
			linesUntilEnd(first);
		}
	}

	@Test
	void aWrongRequestIsRefusedAsARunRequestIs() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			python(client, "gil-race", "{\"n\":0}", 1);
			JsonNode refused = client.next();
			assertThat(refused.get("code").asString()).isEqualTo("bad-parameter");
			assertThat(refused.get("details").get("parameter").asString()).isEqualTo("n");
			python(client, "no-such-thing", "{}", 1);
			assertThat(client.next().get("code").asString()).isEqualTo("unknown-scenario");
			python(client, "gil-race", "{}", 1000);
			assertThat(client.next().get("details").get("parameter").asString()).isEqualTo("speed");
			client.send("{\"type\":\"python\",\"scenario\":3}");
			assertThat(client.next().get("code").asString()).isEqualTo("malformed");
		}
	}

}
