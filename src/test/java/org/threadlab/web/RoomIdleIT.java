package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.testing.SocketClient;

import tools.jackson.databind.JsonNode;

/** A room with nothing done in it ends after its idle time, and everyone in it is told (here ~2 s). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "threadlab.rooms.idle-hours=0.0005")
class RoomIdleIT {

	@LocalServerPort
	int port;

	@Test
	void anIdleRoomEndsAndItsFollowersAreTold() throws Exception {
		try (SocketClient teacher = new SocketClient(port); SocketClient student = new SocketClient(port)) {
			teacher.send("{\"type\":\"room-open\"}");
			String code = teacher.next("room").get("code").asString();
			student.send("{\"type\":\"room-join\",\"code\":\"" + code + "\"}");
			student.next("room");
			JsonNode ended = student.next("room-ended");
			assertThat(ended.get("reason").asString()).isEqualTo("idle");
			assertThat(teacher.next("room-ended").get("reason").asString()).isEqualTo("idle");
			student.send("{\"type\":\"room-join\",\"code\":\"" + code + "\"}");
			assertThat(student.next("error").get("code").asString()).isEqualTo("unknown-room");
		}
	}

}
