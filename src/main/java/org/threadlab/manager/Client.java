package org.threadlab.manager;

import java.io.EOFException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.ipc.Pickle;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.builtins.PyErrors;
import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Actor;
import org.threadlab.run.Run;

/**
 * The proxies' side of the talk with a manager's server, in one process of a run: as CPython's
 * {@code BaseProxy._callmethod}, each thread has its own connection to each server, made on its first
 * call ({@code accept_connection}, which gives the thread serving it there this thread's name), and every
 * call is a request on it and a wait for the reply. The server's own methods ({@code create},
 * {@code shutdown}) go on a connection of their own, closed after the reply, as CPython's
 * {@code dispatch} does. The connections close with the run.
 * <p>
 * Events, in the caller's lane: REQUEST (object: the proxy's name; value: the call, as
 * {@code progress_dict.__setitem__('bobby1', 22)}) when the request leaves, then REPLY (value: the result,
 * or {@code raised ...}; cause: the server's answer, in its lane) when the answer has come. In between the
 * caller waits without the GIL, as a thread blocked in a socket's recv does.
 * <p>
 * Thread-safety: any actor of the run may call; each uses only its own connections.
 */
final class Client implements AutoCloseable {

	private record Key(int actor, String address) {
	}

	private final Map<Key, Wire> connections = new ConcurrentHashMap<>();

	static Client of(Run run) {
		return run.resource(Client.class, Client::new);
	}

	/** A proxy's call of {@code method} on its object, on the calling thread's connection to the server. */
	static Object callMethod(Token token, String method, Object... args) throws InterruptedException {
		Actor me = Actor.current();
		Wire wire = of(me.run()).connectionOf(me, token);
		return exchange(me, wire, token.name(), token.id(), method, args, callText(token.name(), method, args));
	}

	/** A request to the server itself on a connection of its own, as CPython's {@code dispatch}. */
	static Object dispatch(String address, String object, String method, Object... args) throws InterruptedException {
		Actor me = Actor.current();
		Wire wire = Wire.connect(address);
		try {
			return exchange(me, wire, object, null, method, args, shown(method + "(" + reprs(args) + ")"));
		}
		finally {
			wire.close();
		}
	}

	/** This process's connections to the server at {@code address} close: its proxies are done with it. */
	void closeTo(String address) {
		connections.entrySet().removeIf(entry -> {
			if (entry.getKey().address().equals(address)) {
				entry.getValue().close();
				return true;
			}
			return false;
		});
	}

	@Override
	public void close() {
		connections.values().forEach(Wire::close);
		connections.clear();
	}

	private Wire connectionOf(Actor me, Token token) throws InterruptedException {
		Key key = new Key(me.id(), token.address());
		Wire wire = connections.get(key);
		if (wire == null) {
			wire = Wire.connect(token.address());
			try {
				String client = clientName(me);
				exchange(me, wire, token.name(), null, "accept_connection", new Object[] { client },
						"accept_connection(" + PyRepr.repr(client) + ")");
			}
			catch (InterruptedException | RuntimeException ex) {
				wire.close();
				throw ex;
			}
			connections.put(key, wire);
		}
		return wire;
	}

	/** One request and its reply, recorded in the caller's lane. */
	private static Object exchange(Actor me, Wire wire, String object, String objectId, String method, Object[] args,
			String text) throws InterruptedException {
		byte[] pickled = Pickle.dumps(args); // what cannot be pickled fails here, before anything is sent
		long seq = me.hook().begin(me, EventKind.REQUEST, object, text);
		me.hook().block(me, null); // the server may take as long as it likes: never with the GIL
		Reply reply;
		try {
			wire.send(new Request(objectId, method, pickled, text, clientName(me), Run.pid(), seq).encode());
			reply = Reply.decode(wire.receive());
		}
		catch (EOFException ex) {
			me.hook().after(me, EventKind.REPLY, object, "raised EOFError", Event.NO_CAUSE);
			throw new PyException("EOFError", "");
		}
		Object value = Pickle.loads(reply.value());
		long cause = me.run().causeOf(reply.fromPid(), reply.fromSeq());
		if (!reply.raised()) {
			me.hook().after(me, EventKind.REPLY, object, shown(PyRepr.repr(value)), cause);
			return value;
		}
		RuntimeException raised = value instanceof RuntimeException ex ? ex
				: new PyException("multiprocessing.managers.RemoteError", String.valueOf(value));
		me.hook().after(me, EventKind.REPLY, object, "raised " + PyErrors.describe(raised), cause);
		raised.setStackTrace(new Throwable().getStackTrace()); // raised again here, as CPython's _callmethod does
		throw raised;
	}

	/**
	 * The name CPython gives the thread serving this one: the process's name, and the thread's if it is
	 * not the process's main thread ({@code Process-2}, {@code MainProcess|Thread-1 (worker)}).
	 */
	static String clientName(Actor me) {
		PyProcess process = PyProcess.current();
		String processName = me.run().home() == Run.Home.CHILD && process != null ? process.name() : "MainProcess";
		return me.id() == 0 ? processName : processName + "|" + me.name();
	}

	static String callText(String object, String method, Object[] args) {
		return shown(object + "." + method + "(" + reprs(args) + ")");
	}

	/** A value as an event shows it: at most {@value #SHOWN} characters, as a long repr would drown a tooltip. */
	static String shown(String text) {
		return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 3) + "...";
	}

	private static final int SHOWN = 200;

	private static String reprs(Object[] args) {
		return Arrays.stream(args).map(PyRepr::repr).collect(Collectors.joining(", "));
	}

}
