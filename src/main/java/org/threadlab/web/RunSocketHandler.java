package org.threadlab.web;

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
import org.threadlab.launch.RunLauncher;
import org.threadlab.rooms.Rooms;
import org.threadlab.saved.SavedRunStore;

import tools.jackson.databind.json.JsonMapper;

/**
 * The run socket: a client sends {@code start}, {@code cancel}, {@code pause}, {@code step},
 * {@code resume} or {@code python}, and the room messages ({@code room-open}, {@code room-join}…, handed
 * to the socket's {@link RoomSeat}; a teacher's run messages steer the room's run); the server answers {@code queued} while the run waits for its turn,
 * then {@code started}, streams {@code events} and an {@code end}; or answers {@code error} and changes
 * nothing. See docs/protocol.md. Each message is read as an {@link Incoming} and handed to the socket's
 * {@link SocketSession}, which does what it asks; a message the protocol refuses is answered with its
 * error.
 * <p>
 * A socket opens only if its client and the server are under their caps ({@link SocketCaps}); else it
 * is closed at once with 1013. Messages come in parts ({@link WholeMessages}), so that an idle socket
 * keeps no buffer the size of the longest message; a frame announced longer than any message closes its
 * socket ({@link FrameWatch}).
 * <p>
 * Thread-safety: Spring calls it for one session at a time, sessions in parallel.
 */
@Component
class RunSocketHandler extends TextWebSocketHandler implements DisposableBean {

	private final RunLauncher launcher;

	private final EventPump pump;

	private final JsonMapper json;

	private final WebLimits limits;

	private final PythonRuns pythons;

	private final SocketCaps caps;

	private final FrameWatch frames;

	private final WholeMessages wholes = new WholeMessages();

	private final Rooms rooms;

	private final SavedRunStore saved;

	private final SharedBatches shared = SharedBatches.registry();

	private final Map<String, SocketSession> sessions = new ConcurrentHashMap<>();

	private final Map<String, RoomSeat> seats = new ConcurrentHashMap<>();

	/** Closes sockets that are too slow or broken, so that no other thread waits on them. */
	private final ExecutorService closer = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-close");
		thread.setDaemon(true);
		return thread;
	});

	RunSocketHandler(RunLauncher launcher, EventPump pump, JsonMapper json, WebLimits limits, PythonRuns pythons,
			SocketCaps caps, FrameWatch frames, Rooms rooms, SavedRunStore saved) {
		this.rooms = rooms;
		this.saved = saved;
		this.launcher = launcher;
		this.caps = caps;
		this.frames = frames;
		this.pump = pump;
		this.json = json;
		this.limits = limits;
		this.pythons = pythons;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		String client = ClientAddress.of(session.getRemoteAddress());
		SocketCaps.Cap refused = caps.take(client);
		if (refused != null) {
			caps.refused(refused, client); // it raced past the handshake's look: it is closed, and never served
			CloseAtOnce.close(session, CloseStatus.SERVICE_OVERLOAD.withReason(SocketCaps.reason(refused)));
			return;
		}
		SocketWire wire = new SocketWire(session, limits.stallSeconds() * 1000, closer);
		SocketSession socket = new SocketSession(session.getId(), client, wire, launcher, pump, json, pythons);
		seats.put(session.getId(), new RoomSeat(socket, rooms, saved, launcher, pump, shared));
		sessions.put(session.getId(), socket);
		frames.watch(session);
	}

	/** Messages come in parts as the container's small buffer fills; they are joined here. */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		SocketSession socket = sessions.get(session.getId());
		RoomSeat seat = seats.get(session.getId());
		if (socket == null || seat == null) {
			return; // closed meanwhile, or refused
		}
		String text;
		try {
			text = wholes.add(session.getId(), message.getPayload(), message.isLast());
		}
		catch (WholeMessages.TooBig tooBig) {
			CloseAtOnce.close(session, CloseStatus.TOO_BIG_TO_PROCESS.withReason("message too big"));
			return;
		}
		if (text == null) {
			return; // more parts to come
		}
		Incoming request;
		try {
			request = Incoming.read(json, text);
		}
		catch (Incoming.Refused refused) {
			socket.refuse(refused.error());
			return;
		}
		if (seat.teaches() && steersRun(seat, request)) {
			return; // the teacher's run is the room's
		}
		if (request instanceof Incoming.Start start) {
			socket.start(start.request());
		}
		else if (request instanceof Incoming.Cancel) {
			socket.cancel();
		}
		else if (request instanceof Incoming.Pause) {
			socket.pause();
		}
		else if (request instanceof Incoming.Step step) {
			socket.step(step.actor());
		}
		else if (request instanceof Incoming.Resume) {
			socket.resume();
		}
		else if (request instanceof Incoming.Python python) {
			socket.python(python);
		}
		else {
			room(seat, socket, request);
		}
	}

	/** A teacher's run message, done on the room's run; false for any other message. */
	private static boolean steersRun(RoomSeat seat, Incoming request) {
		if (request instanceof Incoming.Start start) {
			seat.start(start.request());
		}
		else if (request instanceof Incoming.Cancel) {
			seat.cancel();
		}
		else if (request instanceof Incoming.Pause) {
			seat.pause();
		}
		else if (request instanceof Incoming.Step step) {
			seat.step(step.actor());
		}
		else if (request instanceof Incoming.Resume) {
			seat.resume();
		}
		else {
			return false;
		}
		return true;
	}

	private static void room(RoomSeat seat, SocketSession socket, Incoming request) {
		if (request instanceof Incoming.RoomOpen) {
			socket.cancel(); // the socket's own run, if any: from now on its runs are the room's
			seat.open();
		}
		else if (request instanceof Incoming.RoomTeach teach) {
			seat.teach(teach);
		}
		else if (request instanceof Incoming.RoomJoin join) {
			seat.join(join);
		}
		else if (request instanceof Incoming.RoomLesson lesson) {
			seat.lesson(lesson);
		}
		else if (request instanceof Incoming.RoomClose) {
			seat.close();
		}
		else if (request instanceof Incoming.RoomLeave) {
			seat.leaveAsked();
		}
		else {
			throw new IllegalStateException("a message of the sealed family with no case here: " + request);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		RoomSeat seat = seats.remove(session.getId());
		if (seat != null) {
			seat.closed(); // the room goes on without this socket
		}
		SocketSession socket = sessions.remove(session.getId());
		wholes.forget(session.getId());
		frames.forget(session.getId());
		if (socket != null) {
			caps.giveBack(ClientAddress.of(session.getRemoteAddress()));
			socket.close(); // a client that left leaves nothing running, nor waiting
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		SocketSession socket = sessions.get(session.getId());
		if (socket != null && exception instanceof java.io.IOException) {
			socket.gone("its connection broke: " + exception); // the client went away: no news
		}
		else if (socket != null) {
			socket.abort("transport error: " + exception);
		}
		else {
			pythons.cancel(session.getId());
		}
	}

	/** Sockets open now. */
	int open() {
		return sessions.size();
	}

	/** Sockets whose outbox has had a message on the wire for longer than {@code nanos}: slow readers. */
	int stalled(long nanos) {
		int stalled = 0;
		for (SocketSession socket : sessions.values()) {
			stalled += socket.busyNanos() > nanos ? 1 : 0;
		}
		return stalled;
	}

	/** Runs (waiting or streaming) that open sockets still hold: a delivered run is not among them. */
	int held() {
		int held = 0;
		for (SocketSession socket : sessions.values()) {
			held += socket.holdsRun() ? 1 : 0;
		}
		return held;
	}

	@Override
	public void destroy() {
		closer.shutdownNow();
	}


}
