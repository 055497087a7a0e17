package org.threadlab.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.threadlab.cpython.PythonRuns;
import org.threadlab.launch.LaunchRefused;
import org.threadlab.launch.RunLauncher;
import org.threadlab.launch.RunRequest;
import org.threadlab.scenario.Language;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run socket: a client sends {@code start} or {@code cancel}; the server answers {@code started}
 * then streams {@code events} and an {@code end}, or answers {@code error} and changes nothing. A
 * {@code python} message runs the same listing under real CPython beside it ({@link PythonRuns}).
 * One run per socket: a new start cancels the socket's previous run; a closed socket cancels its run.
 * See docs/protocol.md. Thread-safety: Spring calls it for one session at a time, sessions in
 * parallel; the map of streams is concurrent.
 */
@Component
class RunSocketHandler extends TextWebSocketHandler {

	/** How long a send may take and how much may queue behind it before a client counts as gone. */
	private static final int SEND_TIME_LIMIT_MS = 10_000;

	private static final int SEND_BUFFER_LIMIT = 8 * 1024 * 1024;

	private final RunLauncher launcher;

	private final EventPump pump;

	private final JsonMapper json;

	private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();

	private final Map<String, RunStream> streams = new ConcurrentHashMap<>();

	private final PythonRuns pythons;

	RunSocketHandler(RunLauncher launcher, EventPump pump, JsonMapper json, PythonRuns pythons) {
		this.launcher = launcher;
		this.pump = pump;
		this.json = json;
		this.pythons = pythons;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		sessions.put(session.getId(), new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS,
				SEND_BUFFER_LIMIT, ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE));
	}

	@Override
	protected void handleTextMessage(WebSocketSession raw, TextMessage message) throws IOException {
		WebSocketSession session = sessions.getOrDefault(raw.getId(), raw);
		JsonNode request;
		try {
			request = json.readTree(message.getPayload());
		}
		catch (JacksonException ex) {
			error(session, "malformed", "The message is not JSON.", Map.of());
			return;
		}
		String type = request.isObject() && request.path("type").isString() ? request.path("type").asString() : null;
		if ("start".equals(type)) {
			start(session, request);
		}
		else if ("cancel".equals(type)) {
			stopStream(session.getId());
			pythons.cancel(session.getId());
		}
		else if ("python".equals(type)) {
			python(session, request);
		}
		else if ("pause".equals(type) || "step".equals(type) || "resume".equals(type)) {
			JsonNode actor = request.path("actor");
			if ("step".equals(type) && !actor.isMissingNode() && !(actor.isIntegralNumber() && actor.canConvertToInt())) {
				error(session, "malformed", "A step's \"actor\" must be an actor's id (a whole number).", Map.of());
				return;
			}
			gate(session, type, actor.isMissingNode() ? -1 : actor.intValue());
		}
		else {
			error(session, "unknown-type",
					"A message's \"type\" must be \"start\", \"cancel\", \"pause\", \"step\", \"resume\" or \"python\".",
					Map.of("type", String.valueOf(type)));
		}
	}

	private void start(WebSocketSession session, JsonNode request) throws IOException {
		JsonNode scenario = request.path("scenario");
		JsonNode params = request.path("params");
		JsonNode settings = request.path("settings");
		if (!scenario.isString() || !(params.isMissingNode() || params.isObject())
				|| !(settings.isMissingNode() || settings.isObject())) {
			error(session, "malformed", "A start message needs \"scenario\" (text), and may have \"params\" and "
					+ "\"settings\" (objects).", Map.of());
			return;
		}
		RunLauncher.Launched launched;
		try {
			launched = launcher.launch(new RunRequest(scenario.asString(), values(params), values(settings)));
		}
		catch (LaunchRefused refused) {
			error(session, refused.code(), refused.getMessage(), refused.details());
			return;
		}
		stopStream(session.getId());
		RunStream stream = new RunStream(launched.run(), launched.pause(), session);
		streams.put(session.getId(), stream);
		if (!sessions.containsKey(session.getId())) {
			// The socket closed while the run started: closing removes the session before the stream,
			// so either it saw this stream and cancelled it, or we see the session gone here.
			streams.remove(session.getId(), stream);
			launched.run().cancel();
			return;
		}
		try {
			send(session, new Messages.Started(launched.run().id(), launched.scenario().id(),
					launched.run().clock().speed(), launched.params().asMap(), launched.settings().asMap()));
		}
		catch (IOException | RuntimeException ex) {
			streams.remove(session.getId(), stream);
			launched.run().cancel();
			throw ex;
		}
		pump.follow(stream);
	}

	/** Runs the scenario's listing under the server's python3, beside the socket's run; see docs/protocol.md. */
	private void python(WebSocketSession session, JsonNode request) throws IOException {
		JsonNode scenario = request.path("scenario");
		JsonNode params = request.path("params");
		JsonNode settings = request.path("settings");
		JsonNode lang = request.path("lang");
		if (!scenario.isString() || !(params.isMissingNode() || params.isObject())
				|| !(settings.isMissingNode() || settings.isObject()) || !(lang.isMissingNode() || lang.isString())) {
			error(session, "malformed", "A python message needs \"scenario\" (text), and may have \"params\" and "
					+ "\"settings\" (objects) and \"lang\" (text).", Map.of());
			return;
		}
		Language language = Language.ofCode(lang.isString() ? lang.asString() : "en").orElse(Language.EN);
		try {
			pythons.start(session.getId(), new RunRequest(scenario.asString(), values(params), values(settings)), language,
					message -> {
						try {
							send(session, message);
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					});
		}
		catch (LaunchRefused refused) {
			error(session, refused.code(), refused.getMessage(), refused.details());
		}
	}

	/** Pause, step or resume the socket's run; answered with the gate's state. Without a run: nothing. */
	private void gate(WebSocketSession session, String action, int actor) throws IOException {
		RunStream stream = streams.get(session.getId());
		if (stream == null) {
			return;
		}
		if (stream.run().outcome().isDone()) {
			return; // the run has ended: nothing to hold
		}
		switch (action) {
			case "pause" -> stream.pause().pause();
			case "step" -> stream.pause().step(actor);
			default -> stream.pause().resume();
		}
		// the pump tells who is held, as it changes
	}

	/** A JSON object's members as plain values; anything not a flag, number or text goes as its JSON text. */
	private static Map<String, Object> values(JsonNode object) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> member : object.properties()) {
			JsonNode value = member.getValue();
			values.put(member.getKey(), value.isBoolean() ? (Object) value.booleanValue()
					: value.isNumber() ? value.numberValue() : value.isString() ? value.asString() : value.toString());
		}
		return values;
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		sessions.remove(session.getId());
		pythons.cancel(session.getId()); // and everything the program started
		RunStream stream = streams.remove(session.getId());
		if (stream != null) {
			pump.unfollow(stream);
			stream.run().cancel(); // a client that vanished mid-run leaves nothing running
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		stopStream(session.getId());
		pythons.cancel(session.getId());
	}

	private void stopStream(String sessionId) {
		RunStream stream = streams.get(sessionId);
		if (stream != null) {
			stream.run().cancel(); // the pump sends what is left and the END, then forgets it
		}
	}

	private void error(WebSocketSession session, String code, String message, Map<String, Object> details)
			throws IOException {
		send(session, new Messages.Error(code, message, details));
	}

	private void send(WebSocketSession session, Object message) throws IOException {
		session.sendMessage(new TextMessage(json.writeValueAsString(message)));
	}

}
