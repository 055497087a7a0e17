package org.threadlab.child;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.KeepsProcessAlive;
import org.threadlab.run.ProcessPermits;
import org.threadlab.run.Run;

/**
 * Python's {@code multiprocessing.Process} as a real child JVM running a {@link ChildProgram}. Its
 * actor stands for the child's main thread; threads the child starts become actors of the same run.
 * <p>
 * The child records its own events (its own hook: a GIL is per process) and sends them over its
 * standard output; a pipe reader thread of the run adds them to the run's trace, mapping the child's
 * actor ids and sequence numbers to the run's. When the pipe closes the process has ended: any child
 * thread that recorded no EXIT was cut off with it (a daemon thread dies with its process), and is
 * recorded so.
 * <p>
 * Thread-safety: any actor of the run may call any method; {@link #start()} works once.
 */
public final class TracedProcess implements KeepsProcessAlive {

	private final Run run;

	private final Actor actor;

	private final Class<? extends ChildProgram> program;

	private final Map<String, String> args;

	private final AtomicBoolean started = new AtomicBoolean();

	private volatile Process process;

	private volatile Thread reader;

	private volatile long exitSeq = Event.NO_CAUSE;

	public TracedProcess(String name, Class<? extends ChildProgram> program, Map<String, String> args) {
		Actor creator = Actor.current();
		this.run = creator.run();
		this.program = program;
		this.args = Map.copyOf(args);
		this.actor = run.newActor(name, ActorInfo.Type.PROCESS, 0, creator, false);
	}

	/**
	 * Launches the child, first waiting for its place among the server's live child processes.
	 * @throws InterruptedException when the run is cancelled while it waits
	 */
	public void start() throws IOException, InterruptedException {
		if (!started.compareAndSet(false, true)) {
			throw new IllegalStateException("cannot start a process twice");
		}
		ProcessPermits.Permit place = run.processPermits().acquire();
		Process started;
		try {
			// every process has a GIL of its own, set up like its parent's
			started = ChildLauncher.launch(program, actor.name(), run.clock(), run.gil().describe(), args);
		}
		catch (IOException | RuntimeException ex) {
			place.close();
			throw ex;
		}
		started.onExit().whenComplete((ended, error) -> place.close()); // its place is free once it is reaped
		run.adopt(started);
		process = started;
		actor.hook().instant(actor, EventKind.START, null, started.pid(), Event.NO_CAUSE);
		Thread thread = run.newServiceThread("pipe-" + started.pid(), () -> readPipe(started));
		reader = thread;
		run.startThread(thread, this);
	}

	/** The child's pid once started, as Python's {@code Process.pid}; null before. */
	public Long pid() {
		Process p = process;
		return p == null ? null : p.pid();
	}

	@Override
	public boolean isAlive() {
		Thread r = reader;
		return r != null && r.isAlive();
	}

	/** Waits until the process has ended and all its events are in the trace. */
	@Override
	public void join() throws InterruptedException {
		Thread r = reader;
		if (r == null) {
			throw new IllegalStateException("can only join a started process");
		}
		Actor me = Actor.current();
		me.hook().before(me, EventKind.JOIN, actor.name(), actor.id());
		r.join();
		int code = process.waitFor();
		me.hook().after(me, EventKind.JOINED, actor.name(), "exit code " + code, exitSeq);
	}

	/** The exit code once ended, as Python's {@code Process.exitcode}; null while running. */
	public Integer exitCode() {
		Process p = process;
		return p == null || p.isAlive() ? null : p.exitValue();
	}

	private static String exitCodeOf(Process child) {
		try {
			// The pipe closed, so the process is ending; a killed one may take a moment to be reaped.
			return child.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) ? String.valueOf(child.exitValue()) : "?";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "?";
		}
	}

	private void readPipe(Process child) {
		Map<Integer, Actor> actors = new LinkedHashMap<>();
		Map<Long, Long> seqs = new HashMap<>();
		Set<Actor> ended = new HashSet<>();
		actors.put(0, actor);
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line; (line = in.readLine()) != null;) {
				Event e;
				try {
					e = EventLine.decode(line);
				}
				catch (RuntimeException garbled) {
					// Not one of ours (a JVM warning, say): skip it, and keep draining the pipe to its end,
					// or a full pipe would block the child for ever.
					continue;
				}
				Actor who = e.actor() == 0 ? actor : actors.get(e.actor());
				Object value = e.value();
				if (e.kind() == EventKind.SPAWN && e.value() instanceof ActorInfo info) {
					if (info.id() == 0) {
						continue; // the child's main thread is this process's actor, spawned here
					}
					Actor parent = actors.getOrDefault(info.parent(), actor);
					who = run.registerActor(info.name(), info.type(), info.pid(), parent.id(), info.daemon());
					actors.put(info.id(), who);
					value = who.info();
				}
				else if (e.kind() == EventKind.START && e.actor() == 0) {
					continue; // recorded here when the process was launched
				}
				if (who == null) {
					continue;
				}
				long cause = e.cause() < 0 ? Event.NO_CAUSE : seqs.getOrDefault(e.cause(), Event.NO_CAUSE);
				long seq = run.recorder().record(e.timeNs(), who.id(), e.kind(), e.object(), value, e.line(), cause);
				seqs.put(e.seq(), seq);
				if (e.kind() == EventKind.EXIT && who.markExited()) {
					ended.add(who);
					if (who == actor) {
						exitSeq = seq;
					}
				}
			}
		}
		catch (IOException ex) {
			// A broken pipe: the process is gone, and treated as ended below.
		}
		// The pipe's end is the process's end: its threads that recorded no EXIT died with it, then it.
		actors.remove(0);
		for (Actor thread : actors.values()) {
			if (!ended.contains(thread) && thread.markExited()) {
				run.recorder().record(run.clock().now(), thread.id(), EventKind.EXIT, null, "cut off", 0, Event.NO_CAUSE);
			}
		}
		if (actor.markExited()) {
			// Its main never returned: it crashed or was killed. Its exit code says which.
			exitSeq = run.recorder().record(run.clock().now(), actor.id(), EventKind.EXIT, null,
					"killed (exit code " + exitCodeOf(child) + ")", 0, Event.NO_CAUSE);
		}
	}

}
