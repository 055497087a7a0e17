package org.threadlab.multiprocessing;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.threadlab.childjvm.Assignment;
import org.threadlab.childjvm.Lifeline;
import org.threadlab.childjvm.ChildMain;
import org.threadlab.childjvm.ChildTask;
import org.threadlab.childjvm.ForkedProcess;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.ipc.Fifo;
import org.threadlab.ipc.Pickle;
import org.threadlab.ipc.TokenPipe;
import org.threadlab.builtins.PyException;
import org.threadlab.run.Actor;
import org.threadlab.run.Run;

/**
 * Python's {@code os.getpid()}, {@code os.getppid()} and {@code os.fork()} for scenario code: the real
 * ids of the OS process the calling code runs in and of its parent, and a new process. Stateless; safe
 * from any thread.
 */
public final class Os {

	/** What runs after the fork point: {@code pid} is 0 in the child, the child's pid in the parent. */
	@FunctionalInterface
	public interface AfterFork extends Serializable {

		void run(long pid) throws Exception;

	}

	private static final long FORK_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

	private Os() {
	}

	public static long getpid() {
		return ProcessHandle.current().pid();
	}

	/**
	 * The parent's pid; 0 when the OS does not tell it (Python's getppid never fails, nor does this).
	 * A process whose parent has ended has been adopted: its parent is then init (1) or a subreaper.
	 */
	public static long getppid() {
		return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
	}

	/**
	 * Makes this run ready for {@link #fork}: a forked process outlives its parent, so it watches the server
	 * by the run's lifeline instead, which must exist before the process that forks is started.
	 * Call it in the server's run, before starting the process whose script forks.
	 */
	public static void allowForking() {
		Lifeline.of(Actor.current().run());
	}

	/**
	 * {@code os.fork()}, as far as a JVM can go. A JVM cannot fork: so the calling process starts a new
	 * process — a real child of its own, with its own pid, whose parent it is — that runs
	 * {@code afterFork} with 0, while the caller goes on and should call {@code afterFork} with the pid
	 * returned. What a real fork copies (the whole memory of the process at the moment of the call, with
	 * every variable's value) is not copied: the child gets only what {@code afterFork} captured, pickled.
	 * <p>
	 * Like a forked process it outlives its parent: when the parent exits first, the child is adopted (by
	 * init, or a subreaper) and goes on; it still ends with the run, whose lifeline it watches, and it
	 * sends its events to the server on a named pipe of its own.
	 * Only in a process of its own (a child JVM of the run): the server is no process a lesson may fork.
	 * @return the child's pid
	 */
	public static long fork(AfterFork afterFork) throws InterruptedException {
		Actor me = Actor.current();
		Run run = me.run();
		if (run.home() != Run.Home.CHILD) {
			throw new PyException("OSError", "ThreadLab forks only a process of a lesson's own, not the server");
		}
		String lifeline = System.getProperty(Lifeline.PROPERTY);
		if (lifeline == null) {
			throw new IllegalStateException("a lesson that forks makes its run's Lifeline before it starts its script");
		}
		TokenPipe running = TokenPipe.make(run, "fork");
		Fifo events = Fifo.make(run, Fifo.uniqueName(run, "fork-events")).get(0);
		Fifo commands = Fifo.make(run, Fifo.uniqueName(run, "fork-commands")).get(0);
		byte[] task = Pickle.dumpsForSpawning((ChildTask) () -> {
			running.give(); // the child exists and stands at the fork point: its parent goes on
			afterFork.run(0);
		});
		Map<String, String> properties = Map.of(Run.FOLDER_PROPERTY, run.folder().toString(), Lifeline.PROPERTY, lifeline,
				ChildMain.FORK_EVENTS_PROPERTY, events.path(), ChildMain.FORK_COMMANDS_PROPERTY, commands.path());
		Path file = run.folder().resolve("fork-" + getpid() + "-" + System.nanoTime() + ".assignment");
		ForkedProcess.Started started;
		me.hook().release(me); // starting a process may take a while: never while holding the GIL
		try {
			started = ForkedProcess.start(new Assignment(run.clock(), run.gil().describe(), "child", properties, task), file);
		}
		catch (IOException ex) {
			me.hook().resume(me);
			throw new UncheckedIOException("cannot fork", ex);
		}
		Process child = started.process();
		try {
			Actor forked = run.newActor("child " + child.pid(), ActorInfo.Type.PROCESS, child.pid(), me, false);
			// what the server needs to hear the child: where its events come, where it hears the server
			Map<String, Object> how = new LinkedHashMap<>();
			how.put("spare", started.spare());
			if (started.spare()) {
				how.put("launchedAgoNs", System.nanoTime() - started.launchedNanos());
			}
			how.put("events", events.path());
			how.put("commands", commands.path());
			forked.hook().instant(forked, EventKind.STARTING, null, how, Event.NO_CAUSE);
			run.sendSoon(); // the server must open its pipes at once: the child waits for its word
			// fork() returns once the child exists at the fork point
			if (!running.take(FORK_WAIT_NANOS)) {
				child.destroyForcibly();
				throw new PyException("OSError", "the forked process did not start");
			}
		}
		finally {
			me.hook().resume(me);
		}
		return child.pid();
	}

}
