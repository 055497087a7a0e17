package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.EXIT;
import static org.threadlab.event.EventKind.JOINED;
import static org.threadlab.event.EventKind.PRINT;
import static org.threadlab.event.EventKind.SLEEP;
import static org.threadlab.event.EventKind.SPAWN;
import static org.threadlab.event.EventKind.START;
import static org.threadlab.event.EventKind.WAKE;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.event.Event;
import org.threadlab.launch.RunLauncher;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.SocketClient;
import org.threadlab.testing.Trace;

import tools.jackson.databind.JsonNode;

/** The whole path: a real WebSocket client asks for a run and reads the story of real threads. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RunSocketIT {

	private static final String HTML = "Thread-1 (get_detail_html)";

	private static final String URL = "Thread-2 (get_detail_url)";

	/** Speed 5: the 4-second sleep takes 0.8 s, and max and sum stay 0.4 s of real time apart. */
	private static final double SPEED = 5;

	@LocalServerPort
	int port;

	@Autowired
	RunLauncher launcher;

	@AfterEach
	void nothingIsLeftRunning() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.childProcesses()).isEmpty();
		assertThat(launcher.going()).isZero();
	}

	@Test
	void threadTargetTellsItsStoryOverTheSocket() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			client.start("thread-target", "{}", SPEED);
			JsonNode started = client.next("started");
			assertThat(started.get("scenario").asString()).isEqualTo("thread-target");
			assertThat(started.get("params").get("htmlSeconds").asDouble()).isEqualTo(2.0);
			Trace trace = Trace.fromJson(client.eventsUntilEnd(started.get("runId").asLong()));

			for (String worker : new String[] { HTML, URL }) {
				assertThat(trace.storyOf(worker)).containsExactly(SPAWN, START, PRINT, SLEEP, WAKE, PRINT, EXIT);
			}
			Event lastJoin = trace.first("main", JOINED, e -> URL.equals(e.object()));
			Event longerExit = trace.first(URL, EXIT);
			assertThat(lastJoin.cause()).isEqualTo(longerExit.seq());
			assertThat(lastJoin.timeNs()).isGreaterThanOrEqualTo(longerExit.timeNs());

			String lastTime = trace.printsOf("main").get(0);
			double elapsed = Double.parseDouble(lastTime.substring("last time: ".length()));
			assertThat(elapsed).as("elapsed near max(2, 4) = 4, well under 2 + 4 = 6").isBetween(4.0, 5.0);

			Event end = trace.end();
			assertThat(end.value()).isInstanceOf(JsonNode.class);
			assertThat(((JsonNode) end.value()).get("status").asString()).isEqualTo("COMPLETED");
			assertThat(trace.events()).extracting(Event::seq)
				.as("every event once, in order")
				.containsExactlyElementsOf(java.util.stream.LongStream.range(0, trace.events().size()).boxed().toList());
		}
	}

	@Test
	void aParameterOutOfBoundsIsRefusedByNameAndNothingStarts() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			client.start("thread-target", "{\"htmlSeconds\": 99}", 1);
			JsonNode error = client.next();
			assertThat(error.get("type").asString()).isEqualTo("error");
			assertThat(error.get("code").asString()).isEqualTo("bad-parameter");
			assertThat(error.get("details").get("parameter").asString()).isEqualTo("htmlSeconds");
			assertThat(error.get("details").get("min").asString()).isEqualTo("0.1");
			assertThat(error.get("details").get("max").asString()).isEqualTo("10");
			assertThat(error.get("message").asString()).contains("htmlSeconds", "0.1 to 10", "99");
			assertThat(RunThreads.alive()).isEmpty();
			assertThat(launcher.going()).isZero();
			assertThat(client.poll(Duration.ofMillis(200))).as("no run was started").isNull();
		}
	}

	@Test
	void everyBadRequestGetsAClearErrorAndTheSocketStaysUsable() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			client.send("this is not json");
			assertThat(client.next().get("code").asString()).isEqualTo("malformed");
			client.send("{\"type\":\"dance\"}");
			assertThat(client.next().get("code").asString()).isEqualTo("unknown-type");
			client.send("[1,2,3]");
			assertThat(client.next().get("code").asString()).isEqualTo("unknown-type");
			client.send("{\"type\":\"start\",\"scenario\":42}");
			assertThat(client.next().get("code").asString()).isEqualTo("malformed");
			client.start("no-such-scenario", "{}", 1);
			assertThat(client.next().get("code").asString()).isEqualTo("unknown-scenario");
			client.start("thread-target", "{\"colour\": 1}", 1);
			JsonNode unknown = client.next();
			assertThat(unknown.get("code").asString()).isEqualTo("bad-parameter");
			assertThat(unknown.get("message").asString()).contains("colour", "htmlSeconds");
			client.start("thread-target", "{\"daemon\": \"yes\"}", 1);
			assertThat(client.next().get("details").get("parameter").asString()).isEqualTo("daemon");
			client.start("thread-target", "{}", 1000);
			assertThat(client.next().get("details").get("parameter").asString()).isEqualTo("speed");
			assertThat(RunThreads.alive()).isEmpty();

			client.start("thread-target", "{\"htmlSeconds\": 0.1, \"urlSeconds\": 0.1}", 10);
			JsonNode started = client.next("started");
			client.eventsUntilEnd(started.get("runId").asLong());
		}
	}

	@Test
	void blankMessagesAreMalformedAndNumbersOrFlagsAsTextAreBadParameters() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			for (String blank : new String[] { "", " ", "\n\t" }) {
				client.send(blank);
				assertThat(client.next().get("code").asString()).as("'%s'", blank).isEqualTo("malformed");
			}
			client.start("thread-target", "{\"htmlSeconds\": \"5\"}", 1);
			JsonNode number = client.next();
			assertThat(number.get("code").asString()).isEqualTo("bad-parameter");
			assertThat(number.get("message").asString()).contains("htmlSeconds", "a number", "\"5\"");
			client.start("thread-target", "{\"daemon\": \"false\"}", 1);
			assertThat(client.next().get("details").get("parameter").asString()).isEqualTo("daemon");
			client.send("{\"type\":\"start\",\"scenario\":\"thread-target\",\"settings\":{\"speed\":\"100\"}}");
			assertThat(client.next().get("details").get("parameter").asString()).isEqualTo("speed");
			assertThat(RunThreads.alive()).isEmpty();
		}
	}

	@Test
	void pauseStepAndResumeAfterARunEndedDoNothingAndAreNotAnswered() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			client.start("thread-target", "{\"htmlSeconds\": 0.1, \"urlSeconds\": 0.1}", 10);
			client.eventsUntilEnd(client.next("started").get("runId").asLong());
			for (String action : new String[] { "pause", "step", "resume" }) {
				client.send("{\"type\":\"" + action + "\"}");
			}
			client.send("{\"type\":\"probe\"}");
			assertThat(client.next().get("details").get("type").asString())
				.as("the first answer is the probe's: the three got none").isEqualTo("probe");
		}
	}

	@Test
	void aClientThatVanishesMidRunLeavesNothingRunning() throws Exception {
		SocketClient client = new SocketClient(port);
		client.start("thread-target", "{\"daemon\": true, \"join\": false, \"htmlSeconds\": 10, \"urlSeconds\": 10}", 0.5);
		client.next("started");
		client.next("events");
		client.vanish();
		// @AfterEach: no run thread, no child process, no run counted as going
	}

	@Test
	void cancelEndsTheRunAsCancelled() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			client.start("thread-target", "{\"htmlSeconds\": 10, \"urlSeconds\": 10}", 1);
			long runId = client.next("started").get("runId").asLong();
			client.next("events");
			client.send("{\"type\":\"cancel\"}");
			JsonNode end;
			do {
				end = client.next();
			}
			while (!"end".equals(end.path("type").asString()));
			assertThat(end.get("runId").asLong()).isEqualTo(runId);
			assertThat(end.get("outcome").get("status").asString()).isEqualTo("CANCELLED");
		}
	}

	@Test
	void aPausedRunHoldsItsThreadsUntilResumed() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			// started paused: main is held at its first step (a pause sent later might find every thread
			// asleep, and a paused run's sleeps stand still: nobody would ever be held)
			client.send("{\"type\":\"start\",\"scenario\":\"thread-target\",\"params\":{\"htmlSeconds\": 0.5,"
					+ " \"urlSeconds\": 0.5},\"settings\":{\"speed\":2,\"paused\":true}}");
			long runId = client.next("started").get("runId").asLong();
			// the server says who is held at which step, as it changes
			JsonNode held = client.next("gate", g -> g.get("paused").asBoolean() && !g.get("held").isEmpty());
			assertThat(held.get("runId").asLong()).isEqualTo(runId);
			JsonNode first = held.get("held").get(0);
			assertThat(first.has("actor") && first.has("kind") && first.has("line")).isTrue();
			client.send("{\"type\":\"step\", \"actor\": " + first.get("actor").asInt() + "}");
			long hold = first.get("hold").asLong();
			client.next("gate", g -> g.get("held").findValues("hold").stream().noneMatch(h -> h.asLong() == hold));
			client.send("{\"type\":\"step\", \"actor\": \"one\"}");
			assertThat(client.next("error").get("code").asString()).isEqualTo("malformed");
			client.send("{\"type\":\"resume\"}");
			client.next("gate", g -> !g.get("paused").asBoolean());
			Trace trace = Trace.fromJson(client.eventsUntilEnd(runId));
			assertThat(((JsonNode) trace.end().value()).get("status").asString()).isEqualTo("COMPLETED");
		}
	}

	@Test
	void aStepWhileEveryThreadSleepsMovesLessonTimeAndTheGateSaysWhoWokeAndHowFar() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			client.start("thread-target", "{\"htmlSeconds\": 6, \"urlSeconds\": 9}", 1);
			long runId = client.next("started").get("runId").asLong();
			int sleeps = 0;
			boolean joining = false;
			while (sleeps < 2 || !joining) { // both threads asleep, main joining: nobody can take a step
				for (JsonNode event : client.next("events").get("events")) {
					sleeps += event.get("kind").asString().equals("SLEEP") ? 1 : 0;
					joining |= event.get("kind").asString().equals("JOIN");
				}
			}
			client.send("{\"type\":\"pause\"}");
			client.next("gate", g -> g.get("paused").asBoolean() && g.get("held").isEmpty());
			client.send("{\"type\":\"step\"}");
			JsonNode jumped = client.next("gate", g -> g.hasNonNull("jump"));
			JsonNode jump = jumped.get("jump");
			assertThat(jumped.get("runId").asLong()).isEqualTo(runId);
			assertThat(jump.get("byNs").asLong()).as("lesson time moved on to the html thread's wake-up").isPositive();
			assertThat(jump.get("toNs").asLong() - jump.get("fromNs").asLong()).isEqualTo(jump.get("byNs").asLong());
			int woke = jump.get("woke").get(0).asInt();
			// the woken thread held at its next step: in the same message, if it was held within the frame
			JsonNode held = !jumped.get("held").isEmpty() ? jumped : client.next("gate", g -> !g.get("held").isEmpty());
			assertThat(held.get("held").get(0).get("actor").asInt()).as("the thread that woke is held").isEqualTo(woke);
			assertThat(held.get("held").get(0).get("kind").asString()).isEqualTo("PRINT");
			client.send("{\"type\":\"resume\"}");
			Trace trace = Trace.fromJson(client.eventsUntilEnd(runId));
			assertThat(((JsonNode) trace.end().value()).get("status").asString()).isEqualTo("COMPLETED");
		}
	}

	@Test
	void afterManyRunsTheJvmHasTheThreadsItHadBefore() throws Exception {
		runQuickly(false);
		Set<String> before = ServerLeftovers.liveThreads();
		for (int i = 0; i < 4; i++) {
			runQuickly(i % 2 == 0);
		}
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(ServerLeftovers.liveThreads()).isSubsetOf(before);
	}

	private void runQuickly(boolean daemon) throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			client.start("thread-target",
					"{\"htmlSeconds\": 0.2, \"urlSeconds\": 0.3, \"daemon\": " + daemon + ", \"join\": " + !daemon + "}", 10);
			client.eventsUntilEnd(client.next("started").get("runId").asLong());
		}
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
	}

}
