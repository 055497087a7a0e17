package org.threadlab.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client of the run socket (the JDK's own), for tests: sends JSON, and hands over
 * every message the server sent, in order. Every wait has a limit.
 */
public final class SocketClient implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final JsonMapper json = JsonMapper.builder().build();

	private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

	private final WebSocket socket;

	private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

	public SocketClient(int port) {
		this(port, java.util.Map.of());
	}

	/**
	 * A client whose handshake carries the given headers: {@code X-Forwarded-For} (a learner behind a
	 * proxy the server trusts, as a distinct client address on one machine), or {@code Origin}.
	 */
	public SocketClient(int port, java.util.Map<String, String> headers) {
		this("localhost", port, headers);
	}

	/** A client of a server elsewhere (a container's mapped port). */
	public SocketClient(String host, int port, java.util.Map<String, String> headers) {
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
		headers.forEach(builder::header);
		this.socket = builder.buildAsync(URI.create("ws://" + host + ":" + port + "/ws/runs"), new Listener())
			.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
			.join();
	}

	/** A client from the given address, as a trusted proxy forwards it. */
	public static SocketClient from(String address, int port) {
		return new SocketClient(port, java.util.Map.of("X-Forwarded-For", address));
	}

	public void send(String text) {
		socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
	}

	public void start(String scenario, String paramsJson, double speed) {
		send("{\"type\":\"start\",\"scenario\":\"" + scenario + "\",\"params\":" + paramsJson
				+ ",\"settings\":{\"speed\":" + speed + "}}");
	}

	/** The next message from the server. */
	public JsonNode next() throws InterruptedException {
		JsonNode message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		if (message == null) {
			throw new AssertionError("no message from the server within " + WAIT);
		}
		return message;
	}

	/** The next message of the given type, skipping others. */
	public JsonNode next(String type) throws InterruptedException {
		JsonNode message;
		do {
			message = next();
		}
		while (!type.equals(message.path("type").asString()));
		return message;
	}

	/** The next message of the given type that matches, skipping others. */
	public JsonNode next(String type, java.util.function.Predicate<JsonNode> matching) throws InterruptedException {
		JsonNode message;
		do {
			message = next(type);
		}
		while (!matching.test(message));
		return message;
	}

	/** Reads the run's stream up to its "end" message; returns every event of the run, in order. */
	public List<JsonNode> eventsUntilEnd(long runId) throws InterruptedException {
		List<JsonNode> events = new ArrayList<>();
		while (true) {
			JsonNode message = next();
			if (message.path("runId").asLong() != runId) {
				continue;
			}
			switch (message.path("type").asString()) {
				case "events" -> message.get("events").forEach(events::add);
				case "end" -> {
					return events;
				}
				case "gate" -> {
					// pause, step and resume answers: not events
				}
				default -> throw new AssertionError("unexpected message during a run: " + message);
			}
		}
	}

	/** Reads the run's stream up to its "end" message; returns the outcome that message carries. */
	public JsonNode outcomeOf(long runId) throws InterruptedException {
		return next("end", message -> message.path("runId").asLong() == runId).get("outcome");
	}

	/** No message arrives within the given time. */
	public JsonNode poll(Duration within) throws InterruptedException {
		return received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		if (closed.getCount() > 0 && !socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
		}
	}

	/** Whether the server closed the connection within the given time. */
	public boolean awaitClosed(Duration within) throws InterruptedException {
		return closed.await(within.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Closes the connection without a goodbye, as a browser tab that is killed. */
	public void vanish() {
		socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				received.add(json.readTree(partial.toString()));
				partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed.countDown();
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed.countDown();
		}

	}

}
