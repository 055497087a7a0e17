package org.threadlab.web;

import java.util.Map;

import org.threadlab.cpython.PythonRuns;
import org.threadlab.launch.LaunchListener;
import org.threadlab.launch.LaunchRefused;
import org.threadlab.launch.RunLauncher;
import org.threadlab.launch.RunRequest;
import org.threadlab.run.Run;

import tools.jackson.databind.json.JsonMapper;

/**
 * One run socket's session: its outbox, its client's address, its latest run request and its CPython
 * side-run; it does what the socket's messages ask, as docs/protocol.md says. One request at a time: a
 * new start replaces the previous one (a waiting one leaves the queue; a running one is cancelled, its
 * end still comes); a refused start changes nothing; closing the session cancels its run, or takes its
 * request out of the queue. Every message goes out through the {@link Outbox}, so nothing here waits
 * on the client.
 * <p>
 * Thread-safety: the socket's handler calls it for one message at a time, and closes it from any
 * thread; the admission thread calls back into its {@link Request}s. Its state is guarded by this
 * object's monitor, which no call to the launcher, the outbox or a run is made under.
 */
final class SocketSession {

	private final RunLauncher launcher;

	private final EventPump pump;

	private final JsonMapper json;

	private final Outbox.Wire wire;

	private final Outbox outbox;

	/** Who the client is in the fair queue: its address, or its own name as a learner of a room. */
	private volatile String client;

	private final String address;

	private volatile OwnRuns watcher = OwnRuns.NONE;

	private final PythonSideRun python;

	// guarded by this
	private Request current;

	private boolean closed;

	/**
	 * @param id the socket's id, which its CPython run is kept under
	 * @param client who the client is, for its fair share of the server ({@link ClientAddress})
	 */
	SocketSession(String id, String client, Outbox.Wire wire, RunLauncher launcher, EventPump pump, JsonMapper json,
			PythonRuns pythons) {
		this.client = client;
		this.address = client;
		this.wire = wire;
		this.outbox = new Outbox(wire);
		this.launcher = launcher;
		this.pump = pump;
		this.json = json;
		this.python = new PythonSideRun(pythons, id, client, message -> post(message, null));
	}

	/** Hears of the socket's own runs: a room's roster shows them. Called on the pump's and admission's threads; must not block. */
	interface OwnRuns {

		OwnRuns NONE = new OwnRuns() {
		};

		/** A run of the socket's started. */
		default void started(RunLauncher.Launched launched) {
		}

		/** The socket asked for a step of its run. */
		default void stepped() {
		}

		/** The run's end has been sent. */
		default void ended(Run run) {
		}

	}

	/** From now on the socket's runs wait their turn as {@code client} (null: its address again). */
	void actAs(String client) {
		this.client = client == null ? address : client;
	}

	/** Its client's address, as {@link ClientAddress} says it. */
	String address() {
		return address;
	}

	void watch(OwnRuns runs) {
		this.watcher = runs == null ? OwnRuns.NONE : runs;
	}

	Outbox outbox() {
		return outbox;
	}

	/** Sends a message to the client, after those sent before it; with a key, only the latest of that key waits. */
	void post(Object message, String key) {
		outbox.post(json.writeValueAsString(message), key);
	}

	/** Checks the request whole and asks for room for its run; the answers are in docs/protocol.md. */
	void start(RunRequest request) {
		RunLauncher.Checked checked;
		try {
			checked = launcher.check(request);
		}
		catch (LaunchRefused refused) {
			refuse(refused);
			return; // the socket's previous run, if any, goes on
		}
		Request previous = current();
		if (previous != null && previous.isWaiting()) {
			previous.replace(); // first, so the new request takes its place in the queue, not one more
		}
		Request next = new Request();
		try {
			next.pending = launcher.launch(checked, client, next);
		}
		catch (LaunchRefused busy) {
			refuse(busy);
			return;
		}
		boolean isClosed;
		synchronized (this) {
			previous = current;
			current = next.done ? null : next; // a run may have come and gone already
			isClosed = closed;
		}
		if (previous != null) {
			previous.replace(); // a running one is cancelled; its events and end still come
		}
		if (isClosed) {
			next.cancel(); // the socket closed while the request was taken
		}
	}

	/** Cancels the socket's run (a waiting one leaves the queue; a running one ends, its end is sent) and its CPython run. */
	void cancel() {
		Request request = current();
		if (request != null) {
			request.cancel();
		}
		python.cancel();
	}

	void pause() {
		RunStream stream = liveStream();
		if (stream != null) {
			stream.pause().pause();
		}
	}

	/** Lets the given actor's held step through, or with {@link Incoming.Step#LONGEST} the one held longest. */
	void step(int actor) {
		RunStream stream = liveStream();
		if (stream != null) {
			watcher.stepped();
			stream.pause().step(actor);
		}
	}

	void resume() {
		RunStream stream = liveStream();
		if (stream != null) {
			stream.pause().resume();
		}
	}

	/** Runs the listing under real CPython, beside the socket's run. */
	void python(Incoming.Python request) {
		python.start(request);
		if (isClosed()) {
			python.cancel(); // the socket closed meanwhile: nothing may run for a client that left
		}
	}

	/** Answers a message the socket cannot take: nothing changed. */
	void refuse(Messages.Error error) {
		post(error, null);
	}

	/** The socket closed: nothing more goes out, and nothing it asked for keeps running or waiting. */
	void close() {
		Request request;
		synchronized (this) {
			closed = true;
			request = current;
			current = null;
		}
		outbox.close();
		python.cancel(); // and everything the program started
		if (request != null) {
			request.cancel();
		}
	}

	/** The socket broke: it is closed without waiting for the client; closing it then ends the rest. */
	void abort(String why) {
		outbox.close();
		wire.abort(why);
		python.cancel();
	}

	/** The client's connection broke (it went away): closed as by {@link #abort}, without a log line. */
	void gone(String why) {
		outbox.close();
		wire.gone(why);
		python.cancel();
	}

	/** How long the message on the wire has been going, in nanoseconds; 0 when none is. */
	long busyNanos() {
		return outbox.busyNanos();
	}

	/** Whether the socket holds a run, waiting or streaming: a delivered one it holds no longer. */
	synchronized boolean holdsRun() {
		return current != null;
	}

	private void refuse(LaunchRefused refused) {
		refuse(new Messages.Error(refused.code(), refused.getMessage(), refused.details()));
	}

	private synchronized Request current() {
		return current;
	}

	private synchronized boolean isClosed() {
		return closed;
	}

	/** The socket's run while it streams and has not ended; else null: gating it does nothing. */
	private RunStream liveStream() {
		RunStream stream;
		synchronized (this) {
			stream = current == null ? null : current.stream;
		}
		return stream == null || stream.run().outcome().isDone() ? null : stream;
	}

	/** One accepted start: waiting, then its run streaming until its end is posted. Guarded by the session. */
	private final class Request implements LaunchListener {

		volatile RunLauncher.Pending pending;

		// guarded by SocketSession.this
		RunStream stream;

		boolean replaced;

		/** Its end was posted, or it failed to start: the socket holds it no longer. */
		boolean done;

		@Override
		public void queued(int position) {
			synchronized (SocketSession.this) {
				if (replaced || closed) {
					return;
				}
			}
			post(new Messages.Queued(position), "queued");
		}

		@Override
		public void started(RunLauncher.Launched launched) {
			RunStream started = new RunStream(launched.run(), launched.pause(), outbox, this::delivered);
			synchronized (SocketSession.this) {
				if (replaced || closed) {
					launched.run().cancel(); // nobody waits for it any more
					return;
				}
				stream = started;
			}
			post(new Messages.Started(launched.run().id(), launched.scenario().id(), launched.run().clock().speed(),
					launched.params().asMap(), launched.settings().asMap()), null);
			pump.follow(started);
			watcher.started(launched);
		}

		@Override
		public void failed(String message) {
			synchronized (SocketSession.this) {
				done = true;
				forget();
				if (replaced || closed) {
					return;
				}
			}
			refuse(new Messages.Error("busy", message, Map.of()));
		}

		/** The run's end has been posted: the socket lets go of the run and its trace. */
		private void delivered() {
			Run run;
			synchronized (SocketSession.this) {
				run = stream == null ? null : stream.run();
				stream = null;
				done = true;
				forget();
			}
			if (run != null) {
				watcher.ended(run);
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
			synchronized (SocketSession.this) {
				replaced = true;
				forget();
			}
			cancel();
		}

		boolean isWaiting() {
			RunLauncher.Pending p = pending;
			return p != null && p.isWaiting();
		}

		// guarded by SocketSession.this
		private void forget() {
			if (current == this) {
				current = null;
			}
		}

	}

}
