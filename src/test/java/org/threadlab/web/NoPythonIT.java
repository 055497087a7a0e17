package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.testing.SocketClient;

import tools.jackson.databind.JsonNode;

/** A server without a python3 says so plainly, and nothing else changes. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "threadlab.python.command=threadlab-there-is-no-such-python")
class NoPythonIT {

	@LocalServerPort
	int port;

	@Test
	void aServerWithoutPythonAnswersNoPython() throws Exception {
		try (SocketClient client = new SocketClient(port)) {
			client.send("{\"type\":\"python\",\"scenario\":\"thread-target\"}");
			JsonNode refused = client.next();
			assertThat(refused.get("type").asString()).isEqualTo("error");
			assertThat(refused.get("code").asString()).isEqualTo("no-python");
			assertThat(refused.get("message").asString()).contains("threadlab-there-is-no-such-python");
			client.start("thread-target", "{}", 100);
			assertThat(client.next("end").get("outcome").get("status").asString()).as("runs still run").isEqualTo("COMPLETED");
		}
	}

}
