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

/**
 * The same listing under real CPython, over the run socket: its lines with their times and its trace,
 * within the limits, admitted as runs are. Here the server has room for one process, and one request
 * waiting: a listing's interpreter takes it, the next waits, the one after is refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "threadlab.python.max-output-bytes=1000", "threadlab.admission.processes=1",
				"threadlab.admission.queue=1", "threadlab.admission.client.queue=1" })
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

	/** What a listing sent until its python-end: its lines, its trace's events, its end. */
	private record Sent(List<JsonNode> lines, List<JsonNode> events, JsonNode end) {
	}

	/** Every line of python-output messages and every event of python-events up to python-end. */
	private static Sent untilEnd(SocketClient client) throws InterruptedException {
		List<JsonNode> lines = new ArrayList<>();
		List<JsonNode> events = new ArrayList<>();
		while (true) {
			JsonNode message = client.next();
			switch (message.path("type").asString()) {
				case "python-output" -> message.get("lines").forEach(lines::add);
				case "python-events" -> message.get("events").forEach(events::add);
				case "python-end" -> {
					return new Sent(lines, events, message);
				}
				default -> throw new AssertionError("unexpected message: " + message);
			}
		}
	}

	/** Every line of python-output messages up to python-end, which is returned last. */
	private static List<JsonNode> linesUntilEnd(SocketClient client) throws InterruptedException {
		Sent sent = untilEnd(client);
		List<JsonNode> lines = new ArrayList<>(sent.lines());
		lines.add(sent.end());
		return lines;
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
		try (SocketClient first = new SocketClient(port); SocketClient second = new SocketClient(port);
				SocketClient third = new SocketClient(port)) {
			python(first, "semaphore", "{}", 1);
			assertThat(first.next().get("type").asString()).isEqualTo("python-started");
			python(second, "semaphore", "{}", 1);
			JsonNode queued = second.next();
			assertThat(queued.get("type").asString()).as("no room: it waits its turn").isEqualTo("python-queued");
			assertThat(queued.get("position").asInt()).isEqualTo(1);
			python(third, "semaphore", "{}", 1);
			JsonNode refused = third.next();
			assertThat(refused.get("type").asString()).isEqualTo("error");
			assertThat(refused.get("code").asString()).isEqualTo("busy");
			first.send("{\"type\":\"cancel\"}");
			linesUntilEnd(first);
			assertThat(second.next("python-started").get("pythonRunId").asLong()).isEqualTo(queued.get("pythonRunId").asLong());
			second.send("{\"type\":\"cancel\"}");
			assertThat(untilEnd(second).end().get("status").asString()).isEqualTo("CANCELLED");
		}
	}

	@Test
	void aNewListingThatMustWaitLeavesTheRunningOneRunning() throws Exception {
		Pythons.interpreter();
		try (SocketClient client = new SocketClient(port); SocketClient other = new SocketClient(port)) {
			python(client, "thread-target", "{\"htmlSeconds\":1,\"urlSeconds\":2}", 2);
			JsonNode first = client.next();
			assertThat(first.get("type").asString()).isEqualTo("python-started");
			python(client, "thread-target", "{}", 20);
			JsonNode queued = client.next("python-queued");
			Sent firstRun = untilEnd(client);
			assertThat(firstRun.end().get("pythonRunId").asLong()).isEqualTo(first.get("pythonRunId").asLong());
			assertThat(firstRun.end().get("status").asString()).as("not cancelled by the request that waited").isEqualTo("COMPLETED");
			assertThat(client.next().get("pythonRunId").asLong()).isEqualTo(queued.get("pythonRunId").asLong());
			assertThat(untilEnd(client).end().get("status").asString()).isEqualTo("COMPLETED");

			python(client, "semaphore", "{}", 1);
			JsonNode running = client.next();
			assertThat(running.get("type").asString()).isEqualTo("python-started");
			python(other, "semaphore", "{}", 1);
			assertThat(other.next().get("type").asString()).isEqualTo("python-queued");
			python(client, "thread-target", "{}", 20);
			JsonNode refused = client.next();
			assertThat(refused.get("code").asString()).as("the queue is full").isEqualTo("busy");
			long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
			List<String> meanwhile = new ArrayList<>();
			while (System.nanoTime() < until) {
				JsonNode m = client.poll(Duration.ofMillis(50));
				if (m != null) {
					meanwhile.add(m.get("type").asString());
				}
			}
			assertThat(meanwhile).as("the running listing goes on").doesNotContain("python-end");
			client.send("{\"type\":\"cancel\"}");
			Sent cancelled = untilEnd(client);
			assertThat(cancelled.end().get("pythonRunId").asLong()).isEqualTo(running.get("pythonRunId").asLong());
			assertThat(cancelled.end().get("status").asString()).isEqualTo("CANCELLED");
			other.send("{\"type\":\"cancel\"}");
		}
	}

	@Test
	void theTraceArrivesAsPythonEventsInThreadLabsVocabulary() throws Exception {
		Pythons.interpreter();
		try (SocketClient client = new SocketClient(port)) {
			python(client, "deadlock", "{\"sameOrder\":true}", 10);
			assertThat(client.next().get("type").asString()).isEqualTo("python-started");
			Sent sent = untilEnd(client);
			assertThat(sent.end().get("status").asString()).isEqualTo("COMPLETED");
			assertThat(sent.events()).extracting(e -> e.get("kind").asString()).contains("SPAWN", "START", "ACQUIRE", "ACQUIRED",
					"RELEASE", "JOINED", "EXIT");
			JsonNode acquired = sent.events().stream()
				.filter(e -> e.get("kind").asString().equals("ACQUIRED") && e.get("actor").asString().equals("B") && !e.get("cause").isNull())
				.findFirst()
				.orElseThrow();
			JsonNode release = sent.events().stream().filter(e -> e.get("id").asString().equals(acquired.get("cause").asString()))
				.findFirst()
				.orElseThrow();
			assertThat(release.get("kind").asString()).isEqualTo("RELEASE");
			assertThat(release.get("actor").asString()).isEqualTo("A");
			assertThat(acquired.get("t").asDouble()).isGreaterThanOrEqualTo(release.get("t").asDouble());
			assertThat(acquired.get("line").asInt()).isPositive();
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
			client.send("{\"type\":\"python\",\"scenario\":\"gil-race\",\"lang\":\"../../x\"}");
			JsonNode lang = client.next();
			assertThat(lang.get("code").asString()).isEqualTo("bad-parameter");
			assertThat(lang.get("details").get("parameter").asString()).isEqualTo("lang");
			client.send("{\"type\":\"python\",\"scenario\":3}");
			assertThat(client.next().get("code").asString()).isEqualTo("malformed");
		}
	}

}
