package org.threadlab.ipc;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Actor;
import org.threadlab.run.Run;

/**
 * One end of Python's {@code multiprocessing.Pipe()}: {@code send} pickles an object onto the pipe
 * towards the other end, {@code recv} waits until an object comes from it. A duplex pipe is two real
 * pipes of the run, one each way (CPython makes a socket pair, whose two directions are the same);
 * {@code Pipe(duplex=False)} is one, read at its first end and written at its second, as in CPython.
 * <p>
 * Events, in the lane of whoever calls: PUT … PUT_DONE for a send (value: the object sent; PUT_DONE once
 * it is in the pipe, which is at once unless the pipe is full), GET … GOT for a recv (value: the object;
 * cause: the send's PUT in the other process — the timeline draws it crossing).
 * <p>
 * Thread-safety: as a Python connection, one thread at a time per end (CPython's are not thread-safe
 * either); ends may cross to processes as a target's arguments.
 */
public final class Connection implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String name;

	/** Where this end reads; null if it only writes. */
	private final Fifo in;

	/** Where this end writes; null if it only reads. */
	private final Fifo out;

	private Connection(String name, Fifo in, Fifo out) {
		this.name = name;
		this.in = in;
		this.out = out;
	}

	/**
	 * {@code Pipe(duplex)}: the two ends, named as the scenario names the variables that hold them
	 * ({@code receive_pipe, send_pipe = Pipe()}).
	 */
	public static List<Connection> pipe(String firstName, String secondName, boolean duplex) {
		Actor me = Actor.current();
		Run run = me.run();
		String base = Fifo.uniqueName(run, "pipe");
		List<Fifo> made = duplex ? Fifo.make(run, base + ".a", base + ".b") : Fifo.make(run, base + ".a");
		Connection first = new Connection(firstName, made.get(0), duplex ? made.get(1) : null);
		Connection second = new Connection(secondName, duplex ? made.get(1) : null, made.get(0));
		for (Connection end : List.of(first, second)) {
			me.hook().instant(me, EventKind.CREATE, end.name, Map.of("type", "pipe", "size", 0L), Event.NO_CAUSE);
		}
		return List.of(first, second);
	}

	/** {@code conn.send(obj)}: pickles it onto the pipe; returns at once unless the pipe is full. */
	public void send(Object item) throws InterruptedException {
		if (out == null) {
			throw new org.threadlab.builtins.PyException("OSError", "connection is read-only");
		}
		Actor me = Actor.current();
		byte[] pickled = Pickle.dumps(item);
		long seq = me.hook().begin(me, EventKind.PUT, name, PyRepr.repr(item));
		me.run().sendSoon(); // the receiver names this event as its cause: its process should hear of it at once
		me.hook().block(me, null); // a full pipe would block the writer: never with the GIL
		out.write(new Message(pickled, Run.pid(), seq).frame());
		me.hook().after(me, EventKind.PUT_DONE, name, null, Event.NO_CAUSE);
	}

	/** {@code conn.recv()}: waits until an object comes, and returns it. */
	public Object recv() throws InterruptedException {
		if (in == null) {
			throw new org.threadlab.builtins.PyException("OSError", "connection is write-only");
		}
		Actor me = Actor.current();
		me.hook().begin(me, EventKind.GET, name, null);
		if (in.available() == 0) {
			me.hook().block(me, null); // nothing yet: a real wait in the kernel, without the GIL
		}
		Message message = Message.readFrom(in);
		Object item = message.item();
		me.hook().after(me, EventKind.GOT, name, PyRepr.repr(item), me.run().causeOf(message.fromPid(), message.fromSeq()));
		return item;
	}

	/** {@code conn.poll()}: whether something can be received now. */
	public boolean poll() {
		return in != null && in.available() > 0;
	}

	public String name() {
		return name;
	}

	@Override
	public String toString() {
		return "<multiprocessing.connection.Connection object '" + name + "'>";
	}

}
