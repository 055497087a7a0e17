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
import org.threadlab.launch.RunLauncher;
import org.threadlab.testing.SocketClient;

import tools.jackson.databind.JsonNode;

/**
 * A class follows its teacher over the run socket (docs/protocol.md, "Rooms"): followers get the
 * teacher's run live, a late one the run so far then live, the gate as the teacher steers it; the
 * teacher's run outlives its socket and the teacher takes the room back; a student's own run is theirs;
 * a malformed or foreign room message changes nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RoomsIT {

	private static final String SLEEPS = "{\"htmlSeconds\": 1, \"urlSeconds\": 1}";

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

	private static JsonNode open(SocketClient teacher) throws InterruptedException {
		teacher.send("{\"type\":\"room-open\"}");
		JsonNode room = teacher.next("room");
		assertThat(room.get("role").asString()).isEqualTo("teacher");
		assertThat(room.get("secret").asString()).hasSizeGreaterThanOrEqualTo(22);
		assertThat(room.get("code").asString()).matches("[2345679FHKMQRWXY]{6}");
		return room;
	}

	private static JsonNode join(SocketClient student, String code, String name) throws InterruptedException {
		student.send("{\"type\":\"room-join\",\"code\":\"" + code + "\",\"name\":\"" + name + "\"}");
		return student.next("room");
	}

	/** Every event of the room's run that reaches a follower, in order, up to its room-end. */
	private static List<JsonNode> followUntilEnd(SocketClient follower, long runId) throws InterruptedException {
		return follow(follower, runId, "room-");
	}

	/** Every event of the run that reaches the socket (as {@code prefix}events), up to its end; other messages are passed by. */
	private static List<JsonNode> follow(SocketClient socket, long runId, String prefix) throws InterruptedException {
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
			else if (type.equals(prefix + "end")) {
				return events;
			}
		}
	}

	@Test
	void followersGetTheTeachersRunLiveAndALateOneGetsItWhole() throws Exception {
		try (SocketClient teacher = SocketClient.from("10.20.0.1", port); SocketClient early = SocketClient.from("10.20.0.2", port);
				SocketClient late = SocketClient.from("10.20.0.3", port)) {
			String code = open(teacher).get("code").asString();
			JsonNode joined = join(early, code.substring(0, 3).toLowerCase() + "-" + code.substring(3), "Ada <b>");
			assertThat(joined.get("role").asString()).isEqualTo("student");
			assertThat(joined.get("name").asString()).isEqualTo("Ada <b>");
			JsonNode roster = teacher.next("roster", r -> r.get("here").asInt() == 1);
			assertThat(roster.get("members").get(0).get("name").asString()).isEqualTo("Ada <b>");

			teacher.start("thread-target", SLEEPS, 4);
			long runId = teacher.next("started").get("runId").asLong();
			JsonNode started = early.next("room-started");
			assertThat(started.get("runId").asLong()).isEqualTo(runId);
			assertThat(started.get("scenario").asString()).isEqualTo("thread-target");
			teacher.send("{\"type\":\"pause\"}");
			assertThat(early.next("room-gate", g -> g.get("paused").asBoolean()).get("runId").asLong()).isEqualTo(runId);

			join(late, code, "");
			assertThat(late.next("room-started").get("runId").asLong()).isEqualTo(runId);
			teacher.send("{\"type\":\"resume\"}");

			List<JsonNode> taught = follow(teacher, runId, "");
			List<JsonNode> seenEarly = followUntilEnd(early, runId);
			List<JsonNode> seenLate = followUntilEnd(late, runId);
			assertThat(seenLate).as("the run so far, then live: every event once, in order").hasSameSizeAs(taught);
			for (int i = 0; i < taught.size(); i++) {
				assertThat(seenLate.get(i).get("seq").asLong()).isEqualTo(i);
			}
			long first = seenEarly.get(0).get("seq").asLong();
			for (int i = 0; i < seenEarly.size(); i++) {
				assertThat(seenEarly.get(i).get("seq").asLong()).isEqualTo(first + i);
			}
			assertThat(first + seenEarly.size()).isEqualTo(taught.size());
		}
	}

	@Test
	void aStudentCannotSteerTheRoomAndItsOwnRunIsItsOwn() throws Exception {
		try (SocketClient teacher = new SocketClient(port); SocketClient student = new SocketClient(port)) {
			JsonNode room = open(teacher);
			String code = room.get("code").asString();
			join(student, code, "Lin");
			student.send("{\"type\":\"room-lesson\",\"scenario\":\"deadlock\"}");
			student.send("{\"type\":\"room-close\"}");
			teacher.start("thread-target", SLEEPS, 4);
			long runId = teacher.next("started").get("runId").asLong();
			student.next("room-started");
			student.send("{\"type\":\"pause\"}"); // its own run: none; the room's is not its to steer
			student.start("thread-target", SLEEPS, 10);
			long own = student.next("started").get("runId").asLong();
			assertThat(own).isNotEqualTo(runId);
			assertThat(student.outcomeOf(own).get("status").asString()).isEqualTo("COMPLETED");
			follow(teacher, runId, "");
			teacher.send("{\"type\":\"room-teach\",\"code\":\"" + code + "\",\"secret\":\"" + room.get("secret").asString()
					+ "\"}");
			JsonNode roster = teacher.next("roster");
			assertThat(roster.get("here").asInt()).isEqualTo(1);
			assertThat(roster.get("members").get(0).get("running").asBoolean()).as("its run is over").isFalse();
			assertThat(roster.get("members").get(0).get("following").asBoolean()).as("it ran its own").isFalse();
		}
	}

	@Test
	void theTeachersRunOutlivesItsSocketAndTheTeacherTakesTheRoomBack() throws Exception {
		try (SocketClient student = new SocketClient(port)) {
			String code;
			String secret;
			long runId;
			try (SocketClient teacher = new SocketClient(port)) {
				JsonNode room = open(teacher);
				code = room.get("code").asString();
				secret = room.get("secret").asString();
				join(student, code, "");
				teacher.start("thread-target", "{\"htmlSeconds\": 3, \"urlSeconds\": 3}", 2);
				runId = teacher.next("started").get("runId").asLong();
			}
			student.next("room-started");
			try (SocketClient intruder = new SocketClient(port)) {
				intruder.send("{\"type\":\"room-teach\",\"code\":\"" + code + "\",\"secret\":\"guess\"}");
				assertThat(intruder.next("error").get("code").asString()).isEqualTo("not-teacher");
			}
			try (SocketClient back = new SocketClient(port)) {
				back.send("{\"type\":\"room-teach\",\"code\":\"" + code + "\",\"secret\":\"" + secret
						+ "\",\"scenario\":\"thread-target\"}");
				assertThat(back.next("room").get("secret").isNull()).isTrue();
				assertThat(back.next("started").get("runId").asLong()).as("the room's run, as the teacher's own")
					.isEqualTo(runId);
				back.send("{\"type\":\"room-lesson\",\"scenario\":\"deadlock\",\"challenge\":true}");
				JsonNode lesson = student.next("room-lesson");
				assertThat(lesson.get("scenario").asString()).isEqualTo("deadlock");
				assertThat(lesson.get("challenge").asBoolean()).isTrue();
				follow(back, runId, "");
				followUntilEnd(student, runId);
				back.send("{\"type\":\"room-close\"}");
				assertThat(student.next("room-ended").get("reason").asString()).isEqualTo("closed");
				assertThat(back.next("room-ended").get("reason").asString()).isEqualTo("closed");
			}
			student.send("{\"type\":\"room-join\",\"code\":\"" + code + "\"}");
			assertThat(student.next("error").get("code").asString()).isEqualTo("unknown-room");
		}
	}

	@Test
	void aStudentWhosePageOpensTheLessonJoinsAgainAsThemselvesAndGetsTheRun() throws Exception {
		try (SocketClient teacher = new SocketClient(port)) {
			String code = open(teacher).get("code").asString();
			String member;
			long runId;
			try (SocketClient home = new SocketClient(port)) {
				member = join(home, code, "Ada").get("member").asString();
				teacher.start("thread-target", "{\"htmlSeconds\": 2, \"urlSeconds\": 2}", 1);
				runId = teacher.next("started").get("runId").asLong();
				assertThat(home.next("room-started").get("scenario").asString()).isEqualTo("thread-target");
			}
			try (SocketClient lesson = new SocketClient(port)) {
				lesson.send("{\"type\":\"room-join\",\"code\":\"" + code + "\",\"member\":\"" + member
						+ "\",\"scenario\":\"thread-target\"}");
				JsonNode again = lesson.next("room");
				assertThat(again.get("member").asString()).isEqualTo(member);
				assertThat(again.get("name").asString()).isEqualTo("Ada");
				List<JsonNode> taught = follow(teacher, runId, "");
				assertThat(followUntilEnd(lesson, runId)).hasSameSizeAs(taught);
			}
		}
	}

	@Test
	void roomMessagesThatAreWrongChangeNothing() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			client.send("{\"type\":\"room-join\",\"code\":42}");
			assertThat(client.next().get("code").asString()).isEqualTo("malformed");
			client.send("{\"type\":\"room-join\",\"code\":\"KM3R7X\",\"name\":\"" + "x".repeat(41) + "\"}");
			assertThat(client.next().get("code").asString()).isEqualTo("malformed");
			client.send("{\"type\":\"room-leave\"}");
			assertThat(client.next().get("code").asString()).isEqualTo("not-in-room");
			client.send("{\"type\":\"room-lesson\",\"scenario\":\"deadlock\"}");
			client.send("{\"type\":\"room-close\"}");
			assertThat(client.poll(Duration.ofMillis(300))).as("not a teacher: nothing happens").isNull();
		}
	}

}
