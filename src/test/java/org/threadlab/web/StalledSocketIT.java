package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.launch.RunLauncher;
import org.threadlab.testing.RawWebSocket;
import org.threadlab.testing.SocketClient;

/** A socket that stays stalled past the limit, or idle past its time, is closed and leaves nothing behind. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "threadlab.web.stall-seconds=2", "threadlab.web.idle-seconds=3" })
class StalledSocketIT {

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
	void aSocketStalledPastTheLimitIsClosedAndItsRunCancelled() throws Exception {
		try (RawWebSocket reader = RawWebSocket.open(port, Map.of(), 4096)) {
			SlowClientsIT.stallAll(sockets, List.of(reader));
			ServerLeftovers.awaitZero(sockets::open, "open sockets");
			assertThat(reader.closedByServer(10_000)).isTrue();
		}
	}

	@Test
	void anIdleSocketIsClosedAndThePageOpensANewOneForItsNextRun() throws Exception {
		SocketClient idle = new SocketClient(port);
		assertThat(idle.awaitClosed(Duration.ofSeconds(20))).isTrue();
		try (SocketClient next = new SocketClient(port)) {
			next.start("thread-target", "{\"htmlSeconds\": 0.1, \"urlSeconds\": 0.1}", 10);
			next.eventsUntilEnd(next.next("started").get("runId").asLong());
		}
	}

}
