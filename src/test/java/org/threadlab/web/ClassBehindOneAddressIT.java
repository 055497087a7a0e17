package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
 * A class of 40 behind one address (a school's NAT; Docker Desktop's port forwarding), with the default
 * settings: every learner's gil-race waits its turn, its place shown, and none is refused; in a room each
 * learner is a client of its own, outside one the address keeps to its share of what runs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClassBehindOneAddressIT {

	private static final int CLASS = 40;

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
	void aRoomOfFortyBehindOneAddressRunsTheRaceWithoutARefusal() throws Exception {
		AtomicInteger queued = new AtomicInteger();
		try (SocketClient teacher = new SocketClient(port)) {
			teacher.send("{\"type\":\"room-open\"}");
			String code = teacher.next("room").get("code").asString();
			ExecutorService learners = Executors.newFixedThreadPool(CLASS, task -> new Thread(task, "learner"));
			try {
				List<Future<String>> outcomes = new ArrayList<>();
				for (int i = 0; i < CLASS; i++) {
					outcomes.add(learners.submit(() -> {
						try (SocketClient learner = new SocketClient(port)) { // every one from 127.0.0.1
							learner.send("{\"type\":\"room-join\",\"code\":\"" + code + "\",\"scenario\":\"gil-race\"}");
							learner.next("room");
							learner.start("gil-race", "{}", 1);
							JsonNode answer = learner.next();
							while (!"started".equals(answer.path("type").asString())) {
								assertThat(answer.path("type").asString()).as("waits its turn: %s", answer).isEqualTo("queued");
								queued.incrementAndGet();
								answer = learner.next();
							}
							return learner.outcomeOf(answer.get("runId").asLong()).get("status").asString();
						}
					}));
				}
				for (Future<String> outcome : outcomes) {
					assertThat(outcome.get()).isEqualTo("COMPLETED");
				}
			}
			finally {
				learners.shutdownNow();
			}
			teacher.send("{\"type\":\"room-close\"}");
		}
		assertThat(queued.get()).as("some waited, and saw their place").isPositive();
	}

	@Test
	void outsideARoomTheAddressWaitsItsTurnWithinItsShareAndIsNotRefused() throws Exception {
		List<SocketClient> learners = new ArrayList<>();
		try {
			for (int i = 0; i < CLASS; i++) {
				SocketClient learner = new SocketClient(port);
				learners.add(learner);
				learner.start("gil-race", "{}", 1);
			}
			int started = 0;
			for (SocketClient learner : learners) {
				String type = learner.next().path("type").asString();
				assertThat(type).as("no busy").isIn("queued", "started");
				started += type.equals("started") ? 1 : 0;
			}
			assertThat(launcher.occupancy().running()).as("one address, one share: a race's core at a time")
				.isLessThanOrEqualTo(1);
			assertThat(started).isLessThanOrEqualTo(1);
		}
		finally {
			learners.forEach(learner -> learner.send("{\"type\":\"cancel\"}"));
			learners.forEach(SocketClient::close);
		}
	}

}
