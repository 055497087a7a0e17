package org.threadlab.childjvm;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.threadlab.event.Event;
import org.threadlab.ipc.PicklableCallable;
import org.threadlab.ipc.Pickle;
import org.threadlab.probe.Py;
import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedThread;
import org.threadlab.run.Gil;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.multiprocessing.MainModule;

/**
 * A dry run of the path every child takes — unpickling a task, a run with its GIL, a thread, a lock, a
 * print, the event pipe's encoding — on a throwaway run whose events go nowhere. A spare JVM does it
 * while it waits, so the classes it will need are loaded and linked before anyone asks for it (as
 * CPython's forkserver preloads modules); the class-data-sharing archive is made from the same steps.
 * Call from one thread, before the real run.
 */
final class Warmup {

	/**
	 * What a process that talks to others loads on its first step: a pool's or a process pool executor's
	 * worker reading its queue, a process queue's reader, a manager's client and server, and what a
	 * process's assignment carries. Loaded here, and so archived too, and their serialization constructors
	 * made, they cost a pool's worker tens of milliseconds less before it takes its first task.
	 */
	private static final List<String> IPC_CLASSES = List.of("org.threadlab.ipc.ProcessQueue", "org.threadlab.ipc.Fifo",
			"org.threadlab.ipc.Fifo$Open", "org.threadlab.ipc.TokenPipe", "org.threadlab.ipc.Message",
			"org.threadlab.ipc.Connection", "org.threadlab.multiprocessing.pool.PoolWorker", "org.threadlab.multiprocessing.pool.PoolWorker$Task",
			"org.threadlab.multiprocessing.pool.PoolWorker$Result", "org.threadlab.multiprocessing.MainModule", "org.threadlab.futures.ProcessWorker",
			"org.threadlab.futures.ProcessWorker$CallItem", "org.threadlab.futures.ProcessWorker$ResultItem",
			"org.threadlab.manager.Client", "org.threadlab.manager.Wire",
			"org.threadlab.manager.Request", "org.threadlab.manager.Reply", "org.threadlab.manager.Token",
			"org.threadlab.manager.QueueProxy", "org.threadlab.manager.DictProxy", "org.threadlab.manager.ListProxy",
			"org.threadlab.manager.AcquirerProxy", "org.threadlab.manager.ManagerServer", "org.threadlab.manager.Sockets",
			"java.nio.channels.SocketChannel", "java.net.UnixDomainSocketAddress", "org.threadlab.multiprocessing.PyProcess",
			"org.threadlab.multiprocessing.PyProcess$Bootstrap", "org.threadlab.childjvm.ChildProcess",
			"org.threadlab.childjvm.ChildProcess$Signal", "org.threadlab.probe.QueueWait", "org.threadlab.futures.ProcessPoolExecutor$Wakeup",
			"java.lang.invoke.SerializedLambda");

	/**
	 * The function a lesson's worker processes spend their time in: {@code cpu-bound}'s fib (a class and a
	 * static method of one {@code long}), named here because a child's warm-up may not depend on the
	 * lessons. A spare runs it through the hook until the JIT has compiled it, as the server has when it
	 * computes serially; without, each worker JVM compiled fib afresh while the lesson's clock ran, and
	 * computed its tasks about a fifth slower than the server.
	 */
	static final String HOT_CLASS = "org.threadlab.scenario.processes.CpuBoundScenario";

	static final String HOT_METHOD = "fib";

	/** What makes a process pool executor's worker's loop: see {@link #linkWorkerTarget()}. */
	static final String WORKER_CLASS = "org.threadlab.futures.ProcessWorker";

	static final String WORKER_TARGET = "target";

	/** fib(22) calls itself some 28,000 times: a few rounds make it hot enough for the JIT's last tier. */
	private static final long HOT_ARGUMENT = 22;

	private static final int HOT_ROUNDS = 8;

	private Warmup() {
	}

	static void run() throws Exception {
		Run dry = new Run(Run.Home.CHILD, RunClock.startingNow(1), 4096);
		dry.useGil(0.005, Gil.Mode.BACK_EDGES_AND_CALLS);
		byte[] pickled = Pickle.dumps((ChildTask) Warmup::steps);
		Assignment assignment = Assignment.decode(
				new Assignment(dry.clock(), dry.gil().describe(), "warm-up", Map.of("warm", "up"), pickled).encode());
		dry.runHere(assignment.name(), () -> assignment.unpickleTask().run());
		compileHotCode(dry.gil().describe());
		compileHotCode(Gil.off().describe());
		for (String name : IPC_CLASSES) {
			// a class's first unpickling generates its serialization constructor: here, not in a worker's start
			java.io.ObjectStreamClass.lookup(Class.forName(name, true, Warmup.class.getClassLoader()));
		}
		linkWorkerTarget();
		linkHotTasks();
		nameTheWorkersItems();
		touchAFileChannel();
		List<Event> events = new ArrayList<>();
		dry.recorder().read(0, Integer.MAX_VALUE, events);
		try (Writer nowhere = Writer.nullWriter()) {
			for (Event e : events) {
				nowhere.write(EventLine.encode(EventLine.decode(EventLine.encode(e))));
			}
		}
	}

	/**
	 * Unpickles once what a process pool executor's worker is sent (its loop, a lambda made by
	 * {@code ProcessWorker.target}; here with nothing captured): the first unpickling of a lambda links it,
	 * which cost each worker of {@code cpu-bound} some milliseconds after its start, while the others
	 * computed.
	 */
	private static void linkWorkerTarget() throws Exception {
		for (java.lang.reflect.Method m : Class.forName(WORKER_CLASS, true, Warmup.class.getClassLoader()).getDeclaredMethods()) {
			if (m.getName().equals(WORKER_TARGET) && m.getParameterCount() == 3) {
				m.setAccessible(true);
				Pickle.loads(Pickle.dumps(m.invoke(null, null, null, null)));
			}
		}
	}

	/**
	 * Links the tasks of {@link #HOT_CLASS} as a pool's worker does when it unpickles the first one sent
	 * ({@code cpu-bound}'s {@code () -> fib(n)}): a serialized lambda is linked by its class's
	 * {@code $deserializeLambda$}, which spins some twenty method-handle classes on its first call; a
	 * worker did so on its first task, 20 ms while the others computed. Each of the class's lambdas is
	 * offered as a {@link PicklableCallable} capturing zeros; those that are not one are refused by the
	 * class, and nothing is called.
	 */
	private static void linkHotTasks() throws Exception {
		Class<?> hot = Class.forName(HOT_CLASS, true, Warmup.class.getClassLoader());
		java.lang.reflect.Method link;
		try {
			link = hot.getDeclaredMethod("$deserializeLambda$", java.lang.invoke.SerializedLambda.class);
		}
		catch (NoSuchMethodException noneSent) {
			return; // the lesson sends its workers no lambda of its own
		}
		link.setAccessible(true);
		for (java.lang.reflect.Method lambda : hot.getDeclaredMethods()) {
			if (!lambda.isSynthetic() || !lambda.getName().startsWith("lambda$")
					|| !java.lang.reflect.Modifier.isStatic(lambda.getModifiers())) {
				continue;
			}
			java.lang.invoke.MethodType impl = java.lang.invoke.MethodType.methodType(lambda.getReturnType(), lambda.getParameterTypes());
			Object[] captured = java.util.Arrays.stream(lambda.getParameterTypes()).map(Warmup::zero).toArray();
			try {
				link.invoke(null, new java.lang.invoke.SerializedLambda(hot, PicklableCallable.class.getName().replace('.', '/'),
						"call", "()Ljava/lang/Object;", java.lang.invoke.MethodHandleInfo.REF_invokeStatic,
						hot.getName().replace('.', '/'), lambda.getName(), impl.toMethodDescriptorString(),
						impl.dropParameterTypes(0, impl.parameterCount()).wrap().toMethodDescriptorString(), captured));
			}
			catch (java.lang.reflect.InvocationTargetException notATask) {
				// another lambda of the class: not sent to a worker
			}
		}
	}

	/**
	 * Names what a process pool executor's worker takes and sends back, as its events do
	 * ("_CallItem(0, fib(25))"): each string concatenation links its method handles on its first use,
	 * some twenty classes, which a worker otherwise spun while the others computed.
	 */
	private static void nameTheWorkersItems() throws Exception {
		for (String item : List.of(WORKER_CLASS + "$CallItem", WORKER_CLASS + "$ResultItem")) {
			java.lang.reflect.Constructor<?> make = Class.forName(item, true, Warmup.class.getClassLoader()).getDeclaredConstructors()[0];
			make.setAccessible(true);
			Object[] values = java.util.Arrays.stream(make.getParameterTypes()).map(type -> type == int.class ? (Object) 0
					: type == String.class ? "warm-up" : type == Object.class ? (Object) 1L : null).toArray();
			org.threadlab.builtins.PyRepr.repr(make.newInstance(values));
		}
	}

	private static Object zero(Class<?> type) {
		return type == long.class ? (Object) 0L : type == int.class ? (Object) 0 : type == double.class ? (Object) 0.0
				: type == boolean.class ? (Object) false : null;
	}

	/**
	 * Runs the lessons' hot function on the main actor of a throwaway run with the GIL {@code gil}, as a
	 * worker runs it (once with the GIL and once without, so that neither surprises the compiled code).
	 */
	private static void compileHotCode(String gil) throws Exception {
		java.lang.reflect.Method hot = Class.forName(HOT_CLASS, true, Warmup.class.getClassLoader())
			.getDeclaredMethod(HOT_METHOD, long.class);
		hot.setAccessible(true);
		Run dry = new Run(Run.Home.CHILD, RunClock.startingNow(1), 4096);
		Gil.useDescribed(dry, gil);
		dry.runHere("warm-up", () -> {
			for (int i = 0; i < HOT_ROUNDS / 2; i++) {
				hot.invoke(null, HOT_ARGUMENT);
			}
		});
	}

	/** A pipe is read and written through a FileChannel, as this throwaway file is. */
	private static void touchAFileChannel() throws java.io.IOException {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("threadlab-warm-up", ".bin");
		try (java.io.RandomAccessFile open = new java.io.RandomAccessFile(file.toFile(), "rw")) {
			open.getChannel().write(java.nio.ByteBuffer.wrap(new byte[] { 1, 2, 3, 4 }));
			open.getChannel().position(0).read(java.nio.ByteBuffer.allocate(4));
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
	}

	private static void steps() throws Exception {
		TracedLock lock = new TracedLock("warm-up lock");
		TracedThread thread = new TracedThread("warm-up thread", false, () -> {
			lock.acquire();
			Py.sleep(0);
			lock.release();
		});
		thread.start();
		thread.join();
		Py.print("warm", 1, 2.5);
		for (int i = 0; i < 20; i++) {
			calls(20);
		}
	}

	/**
	 * Calls through the hook's back-edge path, as a CPU-bound lesson's worker makes millions (fib):
	 * enough of them for the JIT to compile that path now, not while the lesson's clock runs. Without,
	 * each worker process of {@code cpu-bound} spent some 0.3 s more on the same work than the server.
	 */
	private static long calls(int n) throws InterruptedException {
		Py.backEdge();
		return n <= 2 ? 1 : calls(n - 1) + calls(n - 2);
	}

}
