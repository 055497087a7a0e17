package org.threadlab.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.threadlab.cpython.PythonRuns;
import org.threadlab.launch.LaunchListener;
import org.threadlab.launch.LaunchRefused;
import org.threadlab.launch.RunLauncher;
import org.threadlab.launch.RunRequest;
import org.threadlab.scenario.Language;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run socket: a client sends {@code start}, {@code cancel}, {@code pause}, {@code step} or
 * {@code resume}; the server answers {@code queued} while the run waits for its turn, then
 * {@code started}, streams {@code events} and an {@code end}; or answers {@code error} and changes
 * nothing. One run per socket: a new start replaces the socket's previous request (a waiting one leaves
 * the queue; a running one is cancelled, its end still comes); a closed socket cancels its run. Every
 * message goes out through the socket's {@link Outbox}, so nothing here waits on a client. See
 * docs/protocol.md. A {@code python} message runs the same listing under real CPython beside it ({@link PythonRuns}).
 * <p>
 * Thread-safety: Spring calls it for one session at a time, sessions in parallel; the admission thread
 * calls back into a session's {@link Learner}, whose state is guarded by its monitor.
 */
@Component
class RunSocketHandler extends TextWebSocketHandler implements DisposableBean {

	private final RunLauncher launcher;

	private final EventPump pump;

	private final JsonMapper json;

	private final WebLimits limits;

	private final Map<String, Learner> learners = new ConcurrentHashMap<>();

	/** Closes sockets that are too slow or broken, so that no other thread waits on them. */
	private final ExecutorService closer = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-close");
		thread.setDaemon(true);
		return thread;
	});

	private final PythonRuns pythons;

	RunSocketHandler(RunLauncher launcher, EventPump pump, JsonMapper json, WebLimits limits, PythonRuns pythons) {
		this.launcher = launcher;
		this.pump = pump;
		this.json = json;
		this.limits = limits;
		this.pythons = pythons;
	}

	/** One socket: its outbox, its client's address, and its latest run request. */
	private final class Learner {

		final WebSocketSession session;

		final SocketWire wire;

		final Outbox outbox;

		final String client;

		// guarded by this
		Request current;

		boolean closed;

		Learner(WebSocketSession session) {
			this.session = session;
			this.wire = new SocketWire(session, limits.stallSeconds() * 1000, closer);
			this.outbox = new Outbox(wire);
			this.client = ClientAddress.of(session.getRemoteAddress());
		}

		void post(Object message, String key) {
			outbox.post(json.writeValueAsString(message), key);
		}

	}

	/** One accepted start: waiting, then its run streaming until its end is posted. */
	private final class Request implements LaunchListener {

		final Learner learner;

		volatile RunLauncher.Pending pending;

		// guarded by learner
		RunStream stream;

		boolean replaced;

		/** Its end was posted, or it failed to start: the socket holds it no longer. */
		boolean done;

		Request(Learner learner) {
			this.learner = learner;
		}

		@Override
		public void queued(int position) {
			synchronized (learner) {
				if (replaced || learner.closed) {
					return;
				}
			}
			learner.post(new Messages.Queued(position), "queued");
		}

		@Override
		public void started(RunLauncher.Launched launched) {
			RunStream started = new RunStream(launched.run(), launched.pause(), learner.outbox, this::delivered);
			synchronized (learner) {
				if (replaced || learner.closed) {
					launched.run().cancel(); // nobody waits for it any more
					return;
				}
				stream = started;
			}
			learner.post(new Messages.Started(launched.run().id(), launched.scenario().id(), launched.run().clock().speed(),
					launched.params().asMap(), launched.settings().asMap()), null);
			pump.follow(started);
		}

		@Override
		public void failed(String message) {
			synchronized (learner) {
				done = true;
				if (learner.current == this) {
					learner.current = null;
				}
				if (replaced || learner.closed) {
					return;
				}
			}
			error(learner, "busy", message, Map.of());
		}

		/** The run's end has been posted: the socket lets go of the run and its trace. */
		private void delivered() {
			synchronized (learner) {
				stream = null;
				done = true;
				if (learner.current == this) {
					learner.current = null;
				}
			}
		}

		void cancel() {
			RunLauncher.Pending p = pending;
			if (p != null) {
				p.cancel();
			}
		}

		/** A newer start of the socket takes over: this request says nothing more and stops. */
		void replace() {
			synchronized (learner) {
				replaced = true;
				if (learner.current == this) {
					learner.current = null;
				}
			}
			cancel();
		}

		boolean isWaiting() {
			RunLauncher.Pending p = pending;
			return p != null && p.isWaiting();
		}

	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		learners.put(session.getId(), new Learner(session));
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		Learner learner = learners.get(session.getId());
		if (learner == null) {
			return; // closed meanwhile
		}
		JsonNode request;
		try {
			String payload = message.getPayload();
			request = payload.isBlank() ? null : json.readTree(payload);
		}
		catch (JacksonException ex) {
			request = null;
		}
		if (request == null || request.isMissingNode()) {
			error(learner, "malformed", "The message is not JSON.", Map.of());
			return;
		}
		String type = request.isObject() && request.path("type").isString() ? request.path("type").asString() : null;
		if ("start".equals(type)) {
			start(learner, request);
		}
		else if ("cancel".equals(type)) {
			Request current = current(learner);
			if (current != null) {
				current.cancel(); // a waiting run leaves the queue; a running one ends, and its end is sent
			}
			pythons.cancel(session.getId());
		}
		else if ("python".equals(type)) {
			python(learner, request);
		}
		else if ("pause".equals(type) || "step".equals(type) || "resume".equals(type)) {
			JsonNode actor = request.path("actor");
			if ("step".equals(type) && !actor.isMissingNode() && !(actor.isIntegralNumber() && actor.canConvertToInt())) {
				error(learner, "malformed", "A step's \"actor\" must be an actor's id (a whole number).", Map.of());
				return;
			}
			gate(learner, type, actor.isMissingNode() ? -1 : actor.intValue());
		}
		else {
			error(learner, "unknown-type",
					"A message's \"type\" must be \"start\", \"cancel\", \"pause\", \"step\", \"resume\" or \"python\".",
					Map.of("type", String.valueOf(type)));
		}
	}

	private void start(Learner learner, JsonNode request) {
		JsonNode scenario = request.path("scenario");
		JsonNode params = request.path("params");
		JsonNode settings = request.path("settings");
		if (!scenario.isString() || !(params.isMissingNode() || params.isObject())
				|| !(settings.isMissingNode() || settings.isObject())) {
			error(learner, "malformed", "A start message needs \"scenario\" (text), and may have \"params\" and "
					+ "\"settings\" (objects).", Map.of());
			return;
		}
		RunLauncher.Checked checked;
		try {
			checked = launcher.check(new RunRequest(scenario.asString(), values(params), values(settings)));
		}
		catch (LaunchRefused refused) {
			error(learner, refused.code(), refused.getMessage(), refused.details());
			return; // the socket's previous run, if any, goes on
		}
		Request previous = current(learner);
		if (previous != null && previous.isWaiting()) {
			previous.replace(); // first, so the new request takes its place in the queue, not one more
		}
		Request next = new Request(learner);
		try {
			next.pending = launcher.launch(checked, learner.client, next);
		}
		catch (LaunchRefused busy) {
			error(learner, busy.code(), busy.getMessage(), busy.details());
			return;
		}
		boolean closed;
		synchronized (learner) {
			previous = learner.current;
			learner.current = next.done ? null : next; // a run may have come and gone already
			closed = learner.closed;
		}
		if (previous != null) {
			previous.replace(); // a running one is cancelled; its events and end still come
		}
		if (closed) {
			next.cancel(); // the socket closed while the request was taken
		}
	}

	/**
	 * Pause, step (the given actor's held step, or with -1 the one held longest) or resume the socket's
	 * run; no run, or its end: nothing. The pump tells the page who is held, whenever that changes.
	 */
	private void gate(Learner learner, String action, int actor) {
		RunStream stream;
		synchronized (learner) {
			stream = learner.current == null ? null : learner.current.stream;
		}
		if (stream == null || stream.run().outcome().isDone()) {
			return;
		}
		switch (action) {
			case "pause" -> stream.pause().pause();
			case "step" -> stream.pause().step(actor);
			default -> stream.pause().resume();
		}
	}

	/** Runs the scenario's listing under the server's python3, beside the socket's run; see docs/protocol.md. */
	private void python(Learner learner, JsonNode request) {
		JsonNode scenario = request.path("scenario");
		JsonNode params = request.path("params");
		JsonNode settings = request.path("settings");
		JsonNode lang = request.path("lang");
		if (!scenario.isString() || !(params.isMissingNode() || params.isObject())
				|| !(settings.isMissingNode() || settings.isObject()) || !(lang.isMissingNode() || lang.isString())) {
			error(learner, "malformed", "A python message needs \"scenario\" (text), and may have \"params\" and "
					+ "\"settings\" (objects) and \"lang\" (text).", Map.of());
			return;
		}
		Language language = Language.ofCode(lang.isString() ? lang.asString() : "en").orElse(Language.EN);
		try {
			pythons.start(learner.session.getId(), new RunRequest(scenario.asString(), values(params), values(settings)),
					language, message -> learner.post(message, null));
		}
		catch (LaunchRefused refused) {
			error(learner, refused.code(), refused.getMessage(), refused.details());
		}
	}

	private static Request current(Learner learner) {
		synchronized (learner) {
			return learner.current;
		}
	}

	/**
	 * A JSON object's members as plain values: flags as Boolean, numbers as Number; anything else as
	 * text (a string's, or the JSON's), which no parameter accepts.
	 */
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
		Learner learner = learners.remove(session.getId());
		if (learner == null) {
			return;
		}
		Request current;
		synchronized (learner) {
			learner.closed = true;
			current = learner.current;
			learner.current = null;
		}
		learner.outbox.close();
		pythons.cancel(session.getId()); // and everything the program started
		if (current != null) {
			current.cancel(); // a client that left leaves nothing running, nor waiting
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		Learner learner = learners.get(session.getId());
		if (learner != null) {
			learner.outbox.close();
			learner.wire.abort("transport error: " + exception);
		}
		pythons.cancel(session.getId());
	}

	/** Sockets open now. */
	int open() {
		return learners.size();
	}

	/** Sockets whose outbox has had a message on the wire for longer than {@code nanos}: slow readers. */
	int stalled(long nanos) {
		int stalled = 0;
		for (Learner learner : learners.values()) {
			stalled += learner.outbox.busyNanos() > nanos ? 1 : 0;
		}
		return stalled;
	}

	/** Runs (waiting or streaming) that open sockets still hold: a delivered run is not among them. */
	int held() {
		int held = 0;
		for (Learner learner : learners.values()) {
			synchronized (learner) {
				held += learner.current == null ? 0 : 1;
			}
		}
		return held;
	}

	private void error(Learner learner, String code, String message, Map<String, Object> details) {
		learner.post(new Messages.Error(code, message, details), null);
	}

	@Override
	public void destroy() {
		closer.shutdownNow();
	}

}
