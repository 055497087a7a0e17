package org.threadlab.childjvm;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.threadlab.ipc.Pickle;
import org.threadlab.run.ChildGate;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;

/**
 * The main class of a child JVM. It watches its parent through its standard input from its first
 * moment ({@link ParentLink}), reads its {@link Assignment} there, runs the assigned task as the main
 * actor of its own run, and ends with Python's exit status: 0, or 1 when the task raised.
 * <p>
 * Standard output is the event pipe to the parent (anything the program writes to System.out goes to
 * standard error instead).
 * <p>
 * Modes, the only argument: {@code cold} (the default) waits for its assignment at once;
 * {@code spare} first does a {@link Warmup} while it waits; {@code forking-spare} also readies a spare of
 * its own for a fork ({@link ForkedProcess}), which runs as {@code fork-spare} and is given the
 * assignment of a forked child; {@code forked} (with a file) is a forked child launched at the fork;
 * {@code train} does the warm-up and a dry assignment, then exits, so that a class-data-sharing archive
 * can be dumped from what it loaded.
 * <p>
 * A child's parent speaks after the assignment too ({@link ParentCommands}): the child waits for its first
 * word, the run's lesson time and pause, before it starts.
 */
public final class ChildMain {

	/** Bounded like a server run's trace; a child's programs are small. */
	private static final long TRACE_CAPACITY = 1 << 20;

	static final String COLD = "cold";

	static final String SPARE = "spare";

	static final String TRAIN = "train";

	/** A child of a child: see {@link org.threadlab.multiprocessing.Os#fork}. */
	public static final String FORKED = "forked";

	/** A spare that keeps a spare of its own, for a fork ({@link ForkedProcess}). */
	static final String FORKING_SPARE = "forking-spare";

	/** The spare a forking spare keeps: it becomes the child of a fork. */
	static final String FORK_SPARE = "fork-spare";

	/** The property that tells a forked child the named pipe its events go on. */
	public static final String FORK_EVENTS_PROPERTY = "threadlab.fork.events";

	/** The property that tells a forked child the named pipe the server's commands come on. */
	public static final String FORK_COMMANDS_PROPERTY = "threadlab.fork.commands";

	/** How long a child waits for its parent's first command (lesson time and the pause) before it starts. */
	private static final long SYNC_WAIT_MS = 10_000;

	private ChildMain() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args.length == 0 ? COLD : args[0];
		PrintStream pipe = System.out;
		System.setOut(System.err);
		// the event pipe, unbuffered: each of the sender's writes must reach it as one write
		OutputStream events = new java.io.FileOutputStream(java.io.FileDescriptor.out);
		if (mode.equals(FORKED) && args.length == 2) {
			// a process forked by another of the run (which it outlives, as a forked process may): it finds
			// its assignment in a file, watches the server through the run's lifeline, and sends its events
			// on a named pipe of its own, which the server opens when its parent says it forked
			java.nio.file.Path file = java.nio.file.Path.of(args[1]);
			Assignment assignment = Assignment.decode(java.nio.file.Files.readString(file));
			java.nio.file.Files.deleteIfExists(file);
			System.exit(serveForked(assignment, null));
		}
		ParentLink link = ParentLink.open();
		if (mode.equals(TRAIN)) {
			Warmup.run();
			serve(Assignment.decode(new Assignment(org.threadlab.run.RunClock.startingNow(1), "off", "training", Map.of(),
					Pickle.dumps((ChildTask) () -> org.threadlab.probe.Py.print("trained"))).encode()),
					OutputStream.nullOutputStream(), null);
			System.exit(0);
		}
		if (mode.equals(SPARE) || mode.equals(FORKING_SPARE) || mode.equals(FORK_SPARE)) {
			Warmup.run();
			if (mode.equals(FORKING_SPARE)) {
				ForkedProcess.prepare();
			}
			pipe.print(Spares.READY + "\n");
			pipe.flush();
			if (mode.equals(FORK_SPARE)) {
				System.exit(serveForked(Assignment.decode(link.awaitAssignment()), link));
			}
		}
		else if (!mode.equals(COLD)) {
			System.err.println("usage: ChildMain [cold | spare | forking-spare | train], then an assignment on standard input");
			System.exit(2);
		}
		Assignment assignment = Assignment.decode(link.awaitAssignment());
		System.exit(serve(assignment, events, link));
	}

	/**
	 * A process forked by another of the run (which it outlives, as a forked process may): it watches the
	 * server through the run's lifeline, hears the server's commands on a named pipe of its own, and sends
	 * its events on another, which the server opens when its parent says it forked. {@code parent}, if
	 * not null, is the link to the process that forked it, which it now outlives.
	 */
	static int serveForked(Assignment assignment, ParentLink parent) throws Exception {
		if (parent != null) {
			parent.outliveParent();
		}
		ParentLink.openOn(java.nio.file.Path.of(assignment.properties().get(Lifeline.PROPERTY)));
		ParentLink commands = ParentLink.commandsOn(java.nio.file.Path.of(assignment.properties().get(FORK_COMMANDS_PROPERTY)));
		OutputStream own = new java.io.FileOutputStream(assignment.properties().get(FORK_EVENTS_PROPERTY));
		return serve(assignment, own, commands);
	}

	/**
	 * Runs the assignment's task as this process's main actor, its events sent over {@code pipe}; returns
	 * once the task and the non-daemon threads have ended, with the exit status. Daemon threads still
	 * running die with the process, as in Python, when the caller exits.
	 */
	private static int serve(Assignment assignment, OutputStream pipe, ParentLink parent) throws InterruptedException {
		assignment.properties().forEach(System::setProperty);
		Run run = new Run(Run.Home.CHILD, assignment.clock(), TRACE_CAPACITY);
		Gil.useDescribed(run, assignment.gil());
		ChildSender sender = new ChildSender(run.recorder(), pipe);
		// the parent keeps the run's lesson time and its pause: it must hear of timers and holds at once
		run.followParent(sender::wake);
		ChildGate gate = new ChildGate(run);
		run.useGate(gate);
		if (parent != null) {
			ParentCommands commands = new ParentCommands(run.clock(), gate);
			parent.onCommands(commands::accept);
			if (!commands.awaitSync(SYNC_WAIT_MS)) {
				System.err.println("threadlab child: no word from the parent in " + SYNC_WAIT_MS + " ms; going on");
			}
		}
		sender.start();
		Outcome outcome = run.runHere(assignment.name(), () -> assignment.unpickleTask().run());
		run.closeResources(); // daemon threads may be blocked reading the run's pipes: they end with the process
		return outcome.status() == Outcome.Status.COMPLETED ? 0 : 1;
	}

}
