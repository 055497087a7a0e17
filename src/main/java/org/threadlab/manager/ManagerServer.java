package org.threadlab.manager;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.ipc.Fifo;
import org.threadlab.ipc.Pickle;
import org.threadlab.probe.TracedThread;
import org.threadlab.builtins.PyErrors;
import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Actor;
import org.threadlab.run.Gate;
import org.threadlab.run.Run;

/**
 * A manager's server, in its own process (CPython's {@code multiprocessing.managers.Server}): it listens
 * on a Unix domain socket in the run's folder, tells the process that started it its address, and
 * serves with CPython's threads: an accepting thread ({@code Thread-1 (accepter)}) and a thread per
 * connection. A connection's first request says what it is for: {@code create} an object,
 * {@code shutdown} the server (each on a short connection, served by a {@code Thread-N (handle_request)}),
 * or {@code accept_connection}, after which the thread serves that client's requests for as long as the
 * connection lasts, named after the client as CPython renames it ({@code Process-2},
 * {@code MainProcess}). The main thread waits until a shutdown, then the process exits and its daemon
 * threads end with it.
 * <p>
 * Differences from CPython, none of which a lesson shows: the accepting thread reads a connection's first
 * request itself, so that the serving thread is born with the name CPython gives it; there is no
 * authentication handshake (only the run's own processes reach the run's folder); and objects are not
 * counted by reference: they live as long as their server. The main thread waits for the shutdown without
 * CPython's one-second timeouts, which would make the run's lesson time run fast for as long as a manager
 * lives.
 * <p>
 * Events, in the server's lanes: its main's PUT on {@code writer} (the address, sent to its starter),
 * WAIT … WOKEN on {@code stop_event}; the accepter's GET … GOT on {@code listener} (value: the first
 * request; cause: the client's REQUEST); a serving thread's GET … GOT on its connection
 * ({@code Process-2 ⇄ SyncManager-1}; value: the request; cause: the client's REQUEST), the object's own
 * steps, then PUT (value: the reply), which the client's REPLY names as its cause.
 * <p>
 * Thread-safety: its threads share the objects' table (concurrent) and the stop event.
 */
final class ManagerServer {

	/** Bytes before the address on the address pipe: the sender's pid, its event's seq, the address's length. */
	static final int HEADER = 8 + 8 + 4;

	private final Run run;

	private final String name;

	private final ServerSocketChannel listener;

	private final Map<String, Referent> objects = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final CountDownLatch stopEvent = new CountDownLatch(1);

	private volatile long stopSeq = Event.NO_CAUSE;

	private ManagerServer(Run run, String name, ServerSocketChannel listener) {
		this.run = run;
		this.name = name;
		this.listener = listener;
	}

	/**
	 * The server process's target: serve at {@code address} until a shutdown, after telling the starter
	 * the address on {@code addressPipe}. A {@code gate} (a test's, which crossed with the target) holds
	 * the steps of this process as the starter's run holds its own.
	 */
	static void serveForever(String address, Fifo addressPipe, Gate gate) throws Exception {
		Actor me = Actor.current();
		Run run = me.run();
		if (gate != null) {
			run.useGate(gate);
		}
		Path socket = Path.of(address);
		Files.deleteIfExists(socket);
		ServerSocketChannel listener = Sockets.of(run).track(ServerSocketChannel.open(StandardProtocolFamily.UNIX));
		listener.bind(UnixDomainSocketAddress.of(socket), 16);
		ManagerServer server = new ManagerServer(run, me.name(), listener);
		server.tellAddress(me, address, addressPipe);
		server.serve(me);
	}

	/** As CPython's {@code writer.send(server.address)}: the starter waits for it before it makes anything. */
	private void tellAddress(Actor me, String address, Fifo pipe) throws InterruptedException {
		long seq = me.hook().instant(me, EventKind.PUT, "writer", PyRepr.repr(address), Event.NO_CAUSE);
		run.sendSoon();
		byte[] text = address.getBytes(StandardCharsets.UTF_8);
		pipe.write(ByteBuffer.allocate(HEADER + text.length).putLong(Run.pid()).putLong(seq).putInt(text.length).put(text)
			.array());
	}

	private void serve(Actor me) throws InterruptedException {
		new TracedThread(this::accept, "accepter", true).start();
		me.hook().begin(me, EventKind.WAIT, "stop_event", null);
		me.hook().block(me, null); // no timeout: a timer would make lesson time run fast while the manager lives
		stopEvent.await();
		me.hook().after(me, EventKind.WOKEN, "stop_event", null, stopSeq);
	}

	/** {@code Server.accepter}: a thread for each connection, named for what its first request asks. */
	private void accept() throws InterruptedException {
		Actor me = Actor.current();
		while (true) {
			me.hook().begin(me, EventKind.GET, "listener", null);
			me.hook().block(me, null);
			Wire wire;
			Request first;
			try {
				wire = Sockets.of(run).track(new Wire(acceptOne()));
			}
			catch (IOException closed) {
				return; // the process is ending
			}
			try {
				first = Request.decode(wire.receive());
			}
			catch (EOFException gone) {
				wire.close();
				continue; // a client that went away before it asked anything
			}
			me.hook().after(me, EventKind.GOT, "listener", first.text(), run.causeOf(first.fromPid(), first.fromSeq()));
			int number = run.nextThreadNumber(); // CPython numbers every handler thread, renamed or not
			String thread = first.method().equals("accept_connection") ? (String) args(first)[0]
					: "Thread-" + number + " (handle_request)";
			new TracedThread(thread, true, () -> handle(wire, first)).start();
		}
	}

	private SocketChannel acceptOne() throws IOException, InterruptedException {
		try {
			return listener.accept();
		}
		catch (ClosedByInterruptException ex) {
			Thread.interrupted();
			throw new InterruptedException("the run is stopping");
		}
	}

	/** {@code Server.handle_request}: answers the connection's first request, then serves it if asked to. */
	private void handle(Wire wire, Request request) throws InterruptedException {
		Actor me = Actor.current();
		String connection = request.client() + " ⇄ " + name;
		try {
			switch (request.method()) {
				case "accept_connection" -> {
					reply(me, wire, connection, false, null);
					serveClient(me, wire, connection);
				}
				case "create" -> answer(me, wire, connection, () -> create(args(request)));
				case "shutdown" -> {
					reply(me, wire, connection, false, null);
					stopSeq = me.hook().instant(me, EventKind.NOTIFY_ALL, "stop_event", 1L, Event.NO_CAUSE);
					stopEvent.countDown();
				}
				default -> reply(me, wire, connection, true,
						new PyException("AssertionError", PyRepr.repr(request.method()) + " unrecognized"));
			}
		}
		finally {
			wire.close();
			Sockets.of(run).forget(wire);
		}
	}

	/** {@code Server.serve_client}: one request after another, until the client closes its end. */
	private void serveClient(Actor me, Wire wire, String connection) throws InterruptedException {
		while (stopEvent.getCount() > 0) {
			me.hook().begin(me, EventKind.GET, connection, null);
			me.hook().block(me, null); // waiting for the client's next call, which may never come
			Request request;
			try {
				request = Request.decode(wire.receive());
			}
			catch (EOFException gone) {
				return; // the client's process closed it: this thread ends, as CPython's does on EOFError
			}
			me.hook().after(me, EventKind.GOT, connection, request.text(), run.causeOf(request.fromPid(), request.fromSeq()));
			answer(me, wire, connection, () -> call(request));
		}
	}

	private interface Work {

		Object run() throws InterruptedException;

	}

	/** Does the work and replies with its result, or with what it raised (CPython's {@code #ERROR}). */
	private void answer(Actor me, Wire wire, String connection, Work work) throws InterruptedException {
		Object result;
		try {
			result = work.run();
		}
		catch (PyException raised) {
			reply(me, wire, connection, true, raised);
			return;
		}
		catch (RuntimeException bug) {
			reply(me, wire, connection, true,
					new PyException("multiprocessing.managers.RemoteError", PyErrors.describe(bug)));
			return;
		}
		reply(me, wire, connection, false, result);
	}

	private Object call(Request request) throws InterruptedException {
		Referent referent = objects.get(request.objectId());
		if (referent == null) {
			throw new PyException("KeyError", PyRepr.repr(request.objectId()));
		}
		return switch (request.method()) {
			case "__repr__", "__str__" -> referent.repr(); // CPython's fallbacks, for any object
			case "#GETVALUE" -> referent.value();
			default -> referent.call(request.method(), args(request));
		};
	}

	/** {@code Server.create}: makes the object in this process and returns its id. */
	private Object create(Object[] args) {
		String typeid = (String) args[0];
		String objectName = (String) args[1];
		Referent referent = switch (typeid) {
			case "dict" -> new ManagedDict(objectName);
			case "list" -> new ManagedList(objectName, args.length > 2 ? (Collection<?>) args[2] : List.of());
			case "Queue" -> new ManagedQueue(objectName, args.length > 2 ? ((Number) args[2]).intValue() : 0);
			case "Lock" -> new ManagedLock(objectName);
			default -> throw new PyException("KeyError", PyRepr.repr(typeid));
		};
		// an id in the manner of CPython's, which is the object's address in hexadecimal
		String id = Long.toHexString(0x7f3a_0000_0000L + ids.incrementAndGet() * 0x40);
		objects.put(id, referent);
		return id;
	}

	private void reply(Actor me, Wire wire, String connection, boolean raised, Object value) throws InterruptedException {
		byte[] pickled;
		try {
			pickled = Pickle.dumps(value);
		}
		catch (PyException unpicklable) {
			raised = true; // CPython's #UNSERIALIZABLE, raised by the proxy as a RemoteError
			value = new PyException("multiprocessing.managers.RemoteError", PyErrors.describe(unpicklable));
			pickled = Pickle.dumps(value);
		}
		String shown = Client.shown(raised ? "raised " + PyErrors.describe((Throwable) value) : PyRepr.repr(value));
		long seq = me.hook().instant(me, EventKind.PUT, connection, shown, Event.NO_CAUSE);
		run.sendSoon(); // the caller names this event as its reply's cause: the parent should have it at once
		me.hook().release(me); // a socket's write may wait: never with the GIL
		try {
			wire.send(new Reply(raised, pickled, Run.pid(), seq).encode());
		}
		catch (EOFException gone) {
			// the client went away before its answer: nobody is left to tell
		}
		finally {
			me.hook().resume(me);
		}
	}

	private static Object[] args(Request request) {
		return (Object[]) Pickle.loads(request.args());
	}

}
