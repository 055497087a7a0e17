package org.threadlab.childjvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.EventOrigins;
import org.threadlab.run.ProcessPermits;
import org.threadlab.run.Run;
import org.threadlab.run.RunRemotes;

/**
 * The parent's side of one child process of a run: starts it, reads its events into the run's trace,
 * signals it, and knows how it ended. Python's API on top of it is {@code org.threadlab.process}.
 * <p>
 * The process's actor (type PROCESS, spawned by its creator) stands for the child's main thread.
 * {@link #start} records {@code STARTING} on it the moment a process is asked for and returns as soon as
 * the child is launched, as CPython's {@code start()} does; the child's first step is its own
 * {@code START}, recorded there. The child records its own events (its own hook: a GIL is per
 * process) and sends them over its standard output; a reader thread of the run adds them to the
 * trace, mapping the child's actor ids and sequence numbers to the run's ({@link EventOrigins}). When
 * the pipe closes the process has ended: any child thread that recorded no EXIT was cut off with it (a
 * daemon thread dies with its process), and is recorded so; a main that recorded none was killed.
 * <p>
 * Thread-safety: any thread may call any method; {@link #start} once per actor.
 */
public final class ChildProcess {

	/** The signals Python's {@code terminate()} and {@code kill()} send. */
	public enum Signal {
		SIGTERM(15), SIGKILL(9);

		private final int number;

		Signal(int number) {
			this.number = number;
		}

		public int number() {
			return number;
		}
	}

	private final Run run;

	private final Actor actor;

	private final ChildJvm jvm;

	private volatile Thread reader;

	private volatile PipeWriter writer;

	private volatile long exitSeq = Event.NO_CAUSE;

	private volatile long signalSeq = Event.NO_CAUSE;

	private ChildProcess(Run run, Actor actor, ChildJvm jvm) {
		this.run = run;
		this.actor = actor;
		this.jvm = jvm;
	}

	/**
	 * Starts a child JVM that runs {@code pickledTask} (a {@link ChildTask}, pickled by
	 * {@link org.threadlab.ipc.Pickle}) as the process {@code actor} stands for; returns once it is
	 * launched. {@code STARTING}'s value says how:
	 * {@code {"spare": false}} for a JVM launched now, {@code {"spare": true, "launchedAgoNs": n}} for a
	 * spare started n ns before.
	 * @throws IOException when no JVM could be started (the actor's EXIT says so)
	 * @throws IllegalStateException when the run is ending (no process may start then)
	 */
	public static ChildProcess start(Actor actor, byte[] pickledTask) throws IOException, InterruptedException {
		Run run = actor.run();
		// a process of a lesson that forks takes a spare that keeps a spare of its own, for the fork
		ChildJvm spare = ChildLauncher.takeSpare(run.resourceIfMade(Lifeline.class).isPresent());
		Map<String, Object> how = new LinkedHashMap<>();
		how.put("spare", spare != null);
		if (spare != null) {
			how.put("launchedAgoNs", System.nanoTime() - spare.launchedNanos());
		}
		actor.hook().instant(actor, EventKind.STARTING, null, how, Event.NO_CAUSE);
		Actor caller = Actor.current();
		ChildJvm jvm;
		caller.hook().release(caller); // launching and writing to a pipe may block: never while holding the GIL
		try {
			// its place among the server's live child processes, which it may have to wait for
			ProcessPermits.Permit place = run.processPermits().acquire();
			try {
				jvm = spare != null ? spare : ChildLauncher.launch();
			}
			catch (IOException | RuntimeException ex) {
				place.close();
				if (actor.markExited()) {
					actor.hook().exited(actor, "error: cannot start a process: " + ex.getMessage());
				}
				throw ex;
			}
			jvm.process().onExit().whenComplete((ended, error) -> place.close()); // free once it is reaped
			run.adopt(jvm.process()); // from now on the run stops it when it ends
			run.origins().opened(jvm.pid());
			ChildProcess child = new ChildProcess(run, actor, jvm);
			child.writer = new PipeWriter(run, jvm.pid(), actor,
					run.remotes().remote(new ChildCommands(jvm.process().getOutputStream(), null)));
			run.childActors().started(actor); // the watchdog counts the process until its end comes
			Thread thread = run.newServiceThread("pipe-" + jvm.pid(), child::readPipe);
			child.reader = thread;
			run.startThread(thread, null);
			// the run's folder, where what crosses between its processes lives, is the child's too
			Map<String, String> properties = new java.util.HashMap<>(Map.of(Run.FOLDER_PROPERTY, run.folder().toString()));
			run.resourceIfMade(Lifeline.class).ifPresent(line -> properties.put(Lifeline.PROPERTY, line.path().toString()));
			jvm.assign(new Assignment(run.clock(), run.gil().describe(), actor.name(), properties, pickledTask));
			child.writer.attached.attach(); // its first command: lesson time and the pause, before it may start
			return child;
		}
		finally {
			caller.hook().resume(caller);
		}
	}

	public long pid() {
		return jvm.pid();
	}

	/** Whether the OS process is still running, as CPython's {@code is_alive()} polls it. */
	public boolean isAlive() {
		return jvm.process().isAlive();
	}

	/**
	 * Waits until the process has ended and all its events are in the trace, at most {@code nanos}
	 * (negative: for ever); true if it has.
	 */
	public boolean awaitEnd(long nanos) throws InterruptedException {
		Thread r = reader;
		if (nanos < 0) {
			r.join();
		}
		else {
			TimeUnit.NANOSECONDS.timedJoin(r, Math.max(1, nanos));
			if (r.isAlive()) {
				return false;
			}
		}
		jvm.process().waitFor(); // the pipe closed, so the process has ended; this only reaps it
		return true;
	}

	/**
	 * Python's {@code exitcode}: null while running, else 0 or 1 for a process that ended by itself, and
	 * minus the signal's number for one a signal ended (-15 after SIGTERM, -9 after SIGKILL).
	 */
	public Integer exitCode() {
		Process p = jvm.process();
		return p.isAlive() ? null : pythonExitCode(p.exitValue());
	}

	/** A JVM ended by a signal exits with 128 + its number, as a shell reports a process killed by one. */
	static int pythonExitCode(int status) {
		return status > 128 && status <= 128 + 64 ? -(status - 128) : status;
	}

	/** Seq of the process's EXIT in the run's trace, once its pipe has ended; else -1. */
	public long exitSeq() {
		return exitSeq;
	}

	/**
	 * {@code by} sends {@code signal} to the process (recorded as {@code SIGNAL}, object: the process's
	 * name, value: the signal's name); the process's EXIT, if the signal ends it, is linked to it.
	 * Nothing happens to a process that has already ended.
	 */
	public void signal(Actor by, Signal signal) {
		Process p = jvm.process();
		if (!p.isAlive()) {
			return;
		}
		signalSeq = by.hook().instant(by, EventKind.SIGNAL, actor.name(), signal.name(), Event.NO_CAUSE);
		// Through the handle: Process.destroy() would also close the pipes, losing what the child still sends
		// (after SIGTERM its shutdown sends its last events) and telling it its parent is gone.
		if (signal == Signal.SIGKILL) {
			p.toHandle().destroyForcibly();
		}
		else {
			p.toHandle().destroy();
		}
	}

	private void readPipe() {
		read(jvm.process().getInputStream(), writer);
		// the process is gone once it is reaped: until then its end is machinery, busy on the run's clock
		// (an orphan it forked is adopted only then, and must not see its old parent)
		exitCodeOnceReaped();
		writer.ended(run.clock());
		if (actor.markExited()) {
			// Its main never returned: a signal or a crash ended it. Its exit code says which.
			exitSeq = run.recordAlways(actor, EventKind.EXIT, "killed (exit code " + exitCodeOnceReaped() + ")", signalSeq);
			run.childActors().ended(actor);
		}
	}

	/**
	 * Reads one process's events into the run's trace until its stream ends, which is that process's end:
	 * its threads that recorded no EXIT died with it, and are recorded so.
	 */
	private void read(java.io.InputStream stream, PipeWriter writer) {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			for (String line; (line = in.readLine()) != null;) {
				Event e;
				try {
					e = EventLine.decodeLine(line).event();
				}
				catch (RuntimeException garbled) {
					// Not one of ours (a JVM warning, say): skip it, and keep draining the pipe to its end,
					// or a full pipe would block the child for ever.
					continue;
				}
				land(writer, e);
			}
		}
		catch (IOException ex) {
			// A broken pipe: the process is gone, and treated as ended below.
		}
		finally {
			run.origins().closed(writer.pid);
		}
		Actor main = writer.actors.get(0);
		for (Actor thread : writer.actors.values()) {
			if (thread == main || thread.info().type() == ActorInfo.Type.PROCESS) {
				continue; // a process it forked: not one of its threads, and its own reader tells its end
			}
			if (!writer.ended.contains(thread) && thread.markExited()) {
				run.recordAlways(thread, EventKind.EXIT, "cut off", Event.NO_CAUSE);
				run.childActors().ended(thread);
			}
		}
		if (main != actor && main.markExited()) {
			run.recordAlways(main, EventKind.EXIT, "killed", Event.NO_CAUSE);
			run.childActors().ended(main);
		}
	}

	/** Records one event of {@code writer} in the run's trace, mapping its actors and its numbers. */
	private void land(PipeWriter writer, Event e) {
		EventOrigins origins = run.origins();
		if (e.kind() == EventKind.CLOCK || e.kind() == EventKind.GATE) {
			if (e.kind() == EventKind.CLOCK) {
				writer.clock(run.clock(), e); // the run's lesson time is kept here
			}
			else {
				writer.gate(e); // and its pause
			}
			origins.landed(writer.pid, e.seq(), Event.NO_CAUSE);
			return;
		}
		Actor who = writer.actors.get(e.actor());
		Object value = e.value();
		if (e.kind() == EventKind.SPAWN && e.value() instanceof ActorInfo info) {
			if (info.id() == 0) {
				origins.landed(writer.pid, e.seq(), Event.NO_CAUSE);
				return; // a process's main thread is the actor its parent spawned for it
			}
			Actor parent = writer.actors.getOrDefault(info.parent(), writer.actors.get(0));
			who = run.registerActor(info.name(), info.type(), info.pid(), parent.id(), info.daemon());
			writer.actors.put(info.id(), who);
			value = who.info();
			run.childActors().started(who);
		}
		if (who == null) {
			origins.landed(writer.pid, e.seq(), Event.NO_CAUSE);
			return;
		}
		if (e.kind() == EventKind.WAITS) { // for the watchdog, not the trace: it waits until its next event
			writer.waiting.add(who);
			run.childActors().waits(who, e.object());
			origins.landed(writer.pid, e.seq(), Event.NO_CAUSE);
			return;
		}
		if (writer.waiting.remove(who)) {
			run.childActors().runs(who);
		}
		// the child stamps real time; the run's lesson time is kept here
		long seq = run.recorder().record(run.clock().lessonAt(e.timeNs()), who.id(), e.kind(), e.object(), value,
				e.line(), cause(writer.pid, e));
		origins.landed(writer.pid, e.seq(), seq);
		if (e.kind() == EventKind.EXIT && who.markExited()) {
			writer.ended.add(who);
			if (who == actor) {
				exitSeq = seq;
			}
			run.childActors().ended(who);
		}
		if (e.kind() == EventKind.STARTING && e.value() instanceof Map<?, ?> how && how.get("events") instanceof String events) {
			hearForked(who, events, String.valueOf(how.get("commands")));
		}
	}

	/**
	 * The process forked a child ({@link org.threadlab.multiprocessing.Os#fork}), which sends its events on a
	 * named pipe of its own: a reader of the run reads them, and the run waits for that child to end, as
	 * the timeline must show it to its end even when it outlives its parent.
	 */
	private void hearForked(Actor forked, String events, String commands) {
		long pid = forked.info().pid();
		run.origins().opened(pid);
		PipeWriter writer = new PipeWriter(run, pid, forked, run.remotes().remote(ChildCommands.onFifo(commands)));
		writer.attached.attach(); // it waits for this before it goes on from the fork point
		Thread thread = run.newServiceThread("pipe-" + pid, () -> {
			try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(events))) {
				read(in, writer); // opened for reading only: it ends when the child closes its end
			}
			catch (IOException ex) {
				// the pipe is gone with the run's folder: nothing more to hear
			}
			finally {
				writer.ended(run.clock());
			}
		});
		try {
			run.startThread(thread, new org.threadlab.run.KeepsProcessAlive() {

				@Override
				public boolean isAlive() {
					return thread.isAlive();
				}

				@Override
				public void join() throws InterruptedException {
					thread.join();
				}

			});
		}
		catch (IllegalStateException ending) {
			// cancelled as it forked: the fork ends with the run's lifeline; this reader drains its own pipe
		}
	}

	/** The child's cause in the run's numbering: its own events at once, another process's after a short wait. */
	private long cause(long pid, Event e) {
		long cause = e.cause();
		if (EventOrigins.isForeign(cause)) {
			// A reader drains its pipe to the end whatever happens; a teardown's interrupt must not cut the wait short.
			boolean interrupted = Thread.interrupted();
			long found = run.origins().find(EventOrigins.pidOf(cause), EventOrigins.seqOf(cause), Run.crossProcessWaitNanos());
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			return found;
		}
		return cause < 0 ? Event.NO_CAUSE : run.origins().find(pid, cause, 0);
	}

	/** The pipe closed, so the process is ending; a killed one may take a moment to be reaped. */
	private String exitCodeOnceReaped() {
		Process p = jvm.process();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return p.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
							? String.valueOf(pythonExitCode(p.exitValue())) : "?";
				}
				catch (InterruptedException ex) {
					interrupted = true; // a teardown's interrupt: the exit code is still worth waiting for
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
