package org.threadlab.rooms.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threadlab.testing.BrokerServers;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.SocketClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two servers of one workshop, as two containers behind a load balancer, sharing a real RabbitMQ and a
 * real PostgreSQL ({@link BrokerServers}): a student on server B follows a teacher on server A (live from
 * the start, or late with the run so far, then live; the gate, the lesson, the roster, the room's end
 * cross too); a teacher whose page reached B steers the run held on A; a run saved on A opens on B.
 */
class TwoServersIT {

	private static final String SLEEPS = "{\"htmlSeconds\": 1, \"urlSeconds\": 1}";

	private static BrokerServers servers;

	private static int a;

	private static int b;

	@BeforeAll
	static void startTwo() {
		if (BrokerServers.missing() == null) {
			servers = BrokerServers.start(2, "two-servers-it");
			a = servers.port(0);
			b = servers.port(1);
		}
	}

	@BeforeEach
	void brokerAndDatabaseAnswer() {
		BrokerServers.require();
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (servers != null) {
			servers.close();
			Eventually.within(Duration.ofSeconds(20)).until("no thread of the rooms' broker left",
					TwoServersIT::brokerThreads, List::isEmpty);
		}
	}

	/** The threads this package and the broker's client start, by their names. */
	private static List<String> brokerThreads() {
		return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
			.filter(name -> name.startsWith("threadlab-broker") || name.startsWith("threadlab-rabbit")
					|| name.equals("threadlab-room-publish") || name.equals("threadlab-roster"))
			.toList();
	}

	private static JsonNode open(SocketClient teacher) throws InterruptedException {
		teacher.send("{\"type\":\"room-open\"}");
		return teacher.next("room");
	}

	private static JsonNode join(SocketClient student, String code, String name) throws InterruptedException {
		student.send("{\"type\":\"room-join\",\"code\":\"" + code + "\",\"name\":\"" + name + "\"}");
		return student.next("room");
	}

	/** Every event of the run reaching the socket as {@code prefix}events, up to its end; others passed by. */
	private static List<JsonNode> follow(SocketClient socket, long runId, String prefix) throws InterruptedException {
		return follow(socket, runId, prefix, new ArrayList<>());
	}

	/** The same, after the events in {@code before}. */
	private static List<JsonNode> follow(SocketClient socket, long runId, String prefix, List<JsonNode> before)
			throws InterruptedException {
		List<JsonNode> events = new ArrayList<>(before);
		while (true) {
			JsonNode m = socket.next();
			if (m.path("runId").asLong() != runId) {
				continue;
			}
			String type = m.path("type").asString();
			if (type.equals(prefix + "events")) {
				m.get("events").forEach(events::add);
			}
			else if (type.equals(prefix + "end")) {
				return events;
			}
		}
	}

	/** Waits for the run's paused gate ({@code prefix}gate), keeping the events that come before it. */
	private static List<JsonNode> untilPaused(SocketClient socket, long runId, String prefix) throws InterruptedException {
		List<JsonNode> events = new ArrayList<>();
		while (true) {
			JsonNode m = socket.next();
			if (m.path("runId").asLong() != runId) {
				continue;
			}
			String type = m.path("type").asString();
			if (type.equals(prefix + "events")) {
				m.get("events").forEach(events::add);
			}
			else if (type.equals(prefix + "gate") && m.get("paused").asBoolean()) {
				return events;
			}
			else if (type.equals(prefix + "end")) {
				throw new AssertionError("the run ended before it was seen paused");
			}
		}
	}

	private static void assertWholeRun(List<JsonNode> seen, List<JsonNode> taught, String who) {
		assertThat(seen).as(who + ": every event once, in order").hasSameSizeAs(taught);
		for (int i = 0; i < taught.size(); i++) {
			assertThat(seen.get(i).get("seq").asLong()).as(who).isEqualTo(i);
			assertThat(seen.get(i).toString()).as(who + ": the same event").isEqualTo(taught.get(i).toString());
		}
	}

	@Test
	void aStudentOnBFollowsATeacherOnA() throws Exception {
		try (SocketClient teacher = new SocketClient(a); SocketClient student = new SocketClient(b)) {
			String code = open(teacher).get("code").asString();
			join(student, code, "Ada on B");
			JsonNode roster = teacher.next("roster", r -> r.get("here").asInt() == 1);
			assertThat(roster.get("members").get(0).get("name").asString()).as("the roster crosses").isEqualTo("Ada on B");

			teacher.send("{\"type\":\"room-lesson\",\"scenario\":\"deadlock\",\"challenge\":true}");
			JsonNode lesson = student.next("room-lesson");
			assertThat(lesson.get("scenario").asString()).isEqualTo("deadlock");
			assertThat(lesson.get("challenge").asBoolean()).isTrue();

			teacher.start("thread-target", SLEEPS, 2);
			long runId = teacher.next("started").get("runId").asLong();
			JsonNode started = student.next("room-started");
			assertThat(started.get("runId").asLong()).isEqualTo(runId);
			assertThat(started.get("scenario").asString()).isEqualTo("thread-target");
			teacher.send("{\"type\":\"pause\"}");
			List<JsonNode> before = untilPaused(student, runId, "room-");
			List<JsonNode> taughtBefore = untilPaused(teacher, runId, "");
			teacher.send("{\"type\":\"resume\"}");
			assertWholeRun(follow(student, runId, "room-", before), follow(teacher, runId, "", taughtBefore), "a student on B");

			teacher.send("{\"type\":\"room-close\"}");
			assertThat(student.next("room-ended").get("reason").asString()).isEqualTo("closed");
			student.send("{\"type\":\"room-join\",\"code\":\"" + code + "\"}");
			assertThat(student.next("error").get("code").asString()).isEqualTo("unknown-room");
		}
	}

	@Test
	void aStudentJoiningLateOnBGetsTheRunSoFarFromAThenLive() throws Exception {
		try (SocketClient teacher = new SocketClient(a); SocketClient early = new SocketClient(a)) {
			String code = open(teacher).get("code").asString();
			join(early, code, "");
			teacher.send("{\"type\":\"room-lesson\",\"scenario\":\"thread-target\"}");
			teacher.start("thread-target", SLEEPS, 2);
			long runId = teacher.next("started").get("runId").asLong();
			teacher.send("{\"type\":\"pause\"}");
			List<JsonNode> earlyBefore = untilPaused(early, runId, "room-");
			List<JsonNode> taughtBefore = untilPaused(teacher, runId, "");

			try (SocketClient late = new SocketClient(b)) { // the first in the room on B: B asks A for the run
				JsonNode joined = join(late, code, "Lin, late, on B");
				assertThat(joined.get("lesson").get("scenario").asString()).as("the last lesson, from the room's row")
					.isEqualTo("thread-target");
				assertThat(late.next("room-started").get("runId").asLong()).isEqualTo(runId);
				List<JsonNode> lateBefore = untilPaused(late, runId, "room-"); // the gate as it is now, after the run so far
				assertThat(lateBefore).as("the run so far (with what a step under way recorded once paused)")
					.hasSizeGreaterThanOrEqualTo(taughtBefore.size());
				teacher.send("{\"type\":\"resume\"}");
				List<JsonNode> taught = follow(teacher, runId, "", taughtBefore);
				assertWholeRun(follow(late, runId, "room-", lateBefore), taught, "late, on B");
				assertWholeRun(follow(early, runId, "room-", earlyBefore), taught, "early, on A");
			}
			teacher.send("{\"type\":\"room-close\"}");
		}
	}

	@Test
	void aTeacherWhosePageReachedBSteersTheRunHeldOnA() throws Exception {
		try (SocketClient teacher = new SocketClient(a); SocketClient student = new SocketClient(a)) {
			JsonNode room = open(teacher);
			String code = room.get("code").asString();
			join(student, code, "");
			teacher.start("thread-target", "{\"htmlSeconds\": 2, \"urlSeconds\": 2}", 1);
			long runId = teacher.next("started").get("runId").asLong();
			try (SocketClient back = new SocketClient(b)) {
				back.send("{\"type\":\"room-teach\",\"code\":\"" + code + "\",\"secret\":\"" + room.get("secret").asString()
						+ "\",\"scenario\":\"thread-target\"}");
				back.next("room");
				assertThat(back.next("started").get("runId").asLong()).as("the run held on A, as its own").isEqualTo(runId);
				back.send("{\"type\":\"pause\"}");
				assertThat(student.next("room-gate", g -> g.get("paused").asBoolean()).get("runId").asLong())
					.as("paused on A, where it runs").isEqualTo(runId);
				assertThat(back.next("gate", g -> g.get("paused").asBoolean()).get("runId").asLong()).isEqualTo(runId);
				back.send("{\"type\":\"cancel\"}");
				assertThat(back.outcomeOf(runId).get("status").asString()).isEqualTo("CANCELLED");
				assertThat(student.next("room-end").get("outcome").get("status").asString()).isEqualTo("CANCELLED");
				back.send("{\"type\":\"room-close\"}");
				assertThat(student.next("room-ended").get("reason").asString()).isEqualTo("closed");
			}
		}
	}

	@Test
	void studentsOnBothServersGetTheirOwnNumbersAndKeepTheirPlaceOnEither() throws Exception {
		try (SocketClient teacher = new SocketClient(a)) {
			String code = open(teacher).get("code").asString();
			String token;
			try (SocketClient onB = new SocketClient(b); SocketClient onA = new SocketClient(a)) {
				token = join(onB, code, "Ada").get("member").asString();
				join(onA, code, "Lin");
				JsonNode roster = teacher.next("roster", r -> r.get("here").asInt() == 2);
				assertThat(roster.get("members").findValuesAsString("name")).containsExactly("Ada", "Lin");
				assertThat(roster.get("members").findValues("id").stream().map(JsonNode::asInt).toList()).containsExactly(1, 2);
			}
			teacher.next("roster", r -> r.get("here").asInt() == 0);
			try (SocketClient back = new SocketClient(a)) { // Ada's page reloaded, and reached A
				back.send("{\"type\":\"room-join\",\"code\":\"" + code + "\",\"member\":\"" + token + "\"}");
				JsonNode joined = back.next("room");
				assertThat(joined.get("name").asString()).isEqualTo("Ada");
				assertThat(joined.get("member").asString()).isEqualTo(token);
				JsonNode roster = teacher.next("roster", r -> r.get("here").asInt() == 1);
				assertThat(roster.get("members")).hasSize(2);
				assertThat(roster.get("members").get(0).get("here").asBoolean()).as("Ada, here again as herself").isTrue();
			}
			teacher.send("{\"type\":\"room-close\"}");
		}
	}

	@Test
	void aRunSavedOnAOpensOnB() throws Exception {
		String code;
		String secret;
		try (SocketClient teacher = new SocketClient(a)) {
			JsonNode room = open(teacher);
			code = room.get("code").asString();
			secret = room.get("secret").asString();
		}
		String recording = """
				{"format":"threadlab-recording","version":1,"scenario":"thread-target","lang":"en",
				 "started":{"runId":7,"speed":4,"params":{},"settings":{}},"lessonTime":true,
				 "events":[{"seq":0,"timeNs":1,"actor":0,"kind":"BEGIN","object":null,"value":4,"line":0,"cause":-1}],
				 "outcome":{"status":"COMPLETED","error":null,"elapsedNs":5,"dropped":0}}""";
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a + "/api/runs?room=" + code))
			.header("Content-Type", "application/json")
			.header("X-Room-Secret", secret)
			.POST(HttpRequest.BodyPublishers.ofString(recording))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
		String id = JsonMapper.builder().build().readTree(saved.body()).get("id").asString();

		HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b + "/api/runs/" + id)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.body()).isEqualTo(recording);
		HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b + "/api/rooms/" + code + "/runs")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).as("the room's list, on B").contains(id);
	}

}
