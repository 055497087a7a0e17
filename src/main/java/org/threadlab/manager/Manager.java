package org.threadlab.manager;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.threadlab.event.EventKind;
import org.threadlab.ipc.Fifo;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Actor;
import org.threadlab.run.Gate;
import org.threadlab.run.Run;

/**
 * Python's {@code multiprocessing.Manager()}: a {@code SyncManager} whose server runs as a process of its
 * own ({@link ManagerServer}, a real child JVM named {@code SyncManager-N} from the same count as every
 * process, so the next one is {@code Process-N+1} as in CPython) and holds objects for other processes:
 * {@link #dict}, {@link #list}, {@link #queue}, {@link #lock} make one there and return its proxy, which
 * any process of the run may be handed (as a target's argument, inside another proxy's call, at any
 * time) and through which every call is a request to the server over a real socket.
 * <p>
 * {@link #start()} blocks until the server says its address, as CPython's does. The manager ends on
 * {@link #shutdown()}, at the end of a try-with-resources block ({@code with Manager() as manager:}), or
 * when the main program ends ({@code multiprocessing}'s finalizer: first this process's connections to
 * it close, then the server is told to shut down and joined, terminated if it takes longer than a second);
 * and with its run, whatever happens. A run's gate that can be pickled (a test's order of steps) is given
 * to the server's process too, so a test can order the steps served there.
 * <p>
 * Events, in the caller's lane: the server process's SPAWN and STARTING, GET … GOT on {@code reader} (its
 * address; cause: the server's PUT), then REQUEST … REPLY for each object made and each call through a
 * proxy (see {@link Client}).
 * <p>
 * Thread-safety: any actor of the run may call any method; {@link #shutdown()} acts once.
 */
public final class Manager implements AutoCloseable {

	/** CPython's {@code shutdown_timeout}: how long a shutdown waits for the server before it terminates it. */
	static final double SHUTDOWN_TIMEOUT = 1.0;

	private static final AtomicLong SOCKETS = new AtomicLong();

	private final Run run;

	private final PyProcess process;

	private final String address;

	private final AtomicBoolean shut = new AtomicBoolean();

	private Manager(Run run, PyProcess process, String address) {
		this.run = run;
		this.process = process;
		this.address = address;
	}

	/** {@code multiprocessing.Manager()}: starts the server process and waits until it listens. */
	public static Manager start() throws InterruptedException {
		Actor me = Actor.current();
		Run run = me.run();
		String address = run.folder().resolve("listener-" + Run.pid() + "-" + SOCKETS.incrementAndGet()).toString();
		Fifo reader = Fifo.make(run, Fifo.uniqueName(run, "manager")).get(0);
		Gate gate = run.gate() instanceof Serializable ? run.gate() : null;
		PyProcess process = PyProcess.numbered(number -> "SyncManager-" + number,
				() -> ManagerServer.serveForever(address, reader, gate));
		process.start();
		Manager manager = new Manager(run, process, awaitAddress(me, reader, process));
		run.atPythonExit(manager::finalizeAtExit);
		return manager;
	}

	/** CPython's {@code reader.recv()} of the address the server sends once it listens. */
	private static String awaitAddress(Actor me, Fifo reader, PyProcess process) throws InterruptedException {
		me.hook().begin(me, EventKind.GET, "reader", null);
		me.hook().block(me, null); // the server's JVM is starting: a real wait, without the GIL
		// CPython's recv() ends with EOFError if the server dies first; a named pipe of the run never ends, so
		// look at the process between looks at the pipe
		while (reader.available() < ManagerServer.HEADER) {
			if (!process.isAlive()) {
				me.hook().after(me, EventKind.GOT, "reader", "raised EOFError", org.threadlab.event.Event.NO_CAUSE);
				throw new PyException("EOFError", "the manager's server ended before it said its address");
			}
			Thread.sleep(1);
		}
		ByteBuffer header = ByteBuffer.wrap(reader.read(ManagerServer.HEADER));
		long pid = header.getLong();
		long seq = header.getLong();
		String address = new String(reader.read(header.getInt()), StandardCharsets.UTF_8);
		me.hook().after(me, EventKind.GOT, "reader", PyRepr.repr(address), me.run().causeOf(pid, seq));
		return address;
	}

	/** {@code manager.dict()}: an empty dict in the server; {@code name} is the variable that holds its proxy. */
	public DictProxy dict(String name) throws InterruptedException {
		return new DictProxy(create("dict", name));
	}

	/** {@code manager.list()}. */
	public ListProxy list(String name) throws InterruptedException {
		return new ListProxy(create("list", name));
	}

	/** {@code manager.list(items)}. */
	public ListProxy list(String name, List<?> items) throws InterruptedException {
		return new ListProxy(create("list", name, new java.util.ArrayList<>(items)));
	}

	/** {@code manager.Queue(maxsize)}: a {@code queue.Queue} in the server; 0 or less: no bound. */
	public QueueProxy queue(String name, int maxsize) throws InterruptedException {
		return new QueueProxy(create("Queue", name, maxsize));
	}

	/** {@code manager.Queue()}. */
	public QueueProxy queue(String name) throws InterruptedException {
		return queue(name, 0);
	}

	/** {@code manager.Lock()}: a {@code threading.Lock} in the server, behind an {@code AcquirerProxy}. */
	public AcquirerProxy lock(String name) throws InterruptedException {
		return new AcquirerProxy(create("Lock", name));
	}

	/** CPython's {@code BaseManager._create}: a request on a connection of its own. */
	private Token create(String typeid, String name, Object... args) throws InterruptedException {
		Object[] request = new Object[args.length + 2];
		request[0] = typeid;
		request[1] = name;
		System.arraycopy(args, 0, request, 2, args.length);
		String id = (String) Client.dispatch(address, name, "create", request);
		return new Token(typeid, address, id, name, process.name());
	}

	/**
	 * {@code manager.shutdown()}: tells the server to shut down and joins it; terminates it if it has not
	 * ended within a second, kills it after another. Once only; later calls do nothing.
	 */
	public void shutdown() throws InterruptedException {
		if (!shut.compareAndSet(false, true) || !process.isAlive()) {
			return;
		}
		try {
			Client.dispatch(address, "manager", "shutdown");
		}
		catch (PyException unreachable) {
			// as CPython: a server that cannot be told is terminated below
		}
		process.join(SHUTDOWN_TIMEOUT);
		if (process.isAlive()) {
			process.terminate();
			process.join(SHUTDOWN_TIMEOUT);
			if (process.isAlive()) {
				process.kill();
				process.join();
			}
		}
	}

	/** The end of {@code with Manager() as manager:}. */
	@Override
	public void close() throws InterruptedException {
		shutdown();
	}

	/**
	 * At the main program's end, as CPython's finalizers: the proxies' first (this process's connections
	 * close, so the threads serving them end), then the manager's.
	 */
	private void finalizeAtExit() throws InterruptedException {
		Client.of(run).closeTo(address);
		shutdown();
	}

	/** The server process's name, {@code SyncManager-1}. */
	public String name() {
		return process.name();
	}

	/** The server process's pid. */
	public Long pid() {
		return process.pid();
	}

	/** The server's socket (CPython's {@code manager.address}). */
	public String address() {
		return address;
	}

	@Override
	public String toString() {
		return "<multiprocessing.managers.SyncManager object at " + Referent.address(this) + ">";
	}

}
