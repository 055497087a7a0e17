package org.threadlab.child;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.threadlab.run.Gil;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;

/**
 * The main class of a child JVM. Arguments: the parent's pid, the {@link ChildProgram} class, the main
 * actor's name, the run's start on the monotonic clock (ns), the speed, its GIL ({@code off} or
 * {@code interval-seconds:MODE}: each process has a GIL of its own), then the program's
 * {@code key=value} arguments.
 * <p>
 * Standard output is the event pipe to the parent (anything the program writes to System.out goes to
 * standard error instead). When the parent dies this process halts within a fifth of a second, so no
 * child outlives its server.
 */
public final class ChildMain {

	/** Bounded like a server run's trace; a child's programs are small. */
	private static final long TRACE_CAPACITY = 1 << 20;

	private static final long PARENT_POLL_MS = 200;

	private ChildMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 6) {
			System.err.println("usage: ChildMain <parent pid> <program class> <main name> <run start ns> <speed> "
					+ "<gil: off | interval-seconds:MODE> [key=value...]");
			System.exit(2);
		}
		PrintStream pipe = System.out;
		System.setOut(System.err);
		watchParent(Long.parseLong(args[0]));

		ChildProgram program = (ChildProgram) Class.forName(args[1]).getDeclaredConstructor().newInstance();
		Map<String, String> programArgs = new LinkedHashMap<>();
		for (int i = 6; i < args.length; i++) {
			int eq = args[i].indexOf('=');
			programArgs.put(args[i].substring(0, eq), args[i].substring(eq + 1));
		}
		Run run = new Run(Run.Home.CHILD, new RunClock(Long.parseLong(args[3]), Double.parseDouble(args[4])),
				TRACE_CAPACITY);
		Gil.useDescribed(run, args[5]);
		new ChildSender(run.recorder(),
				new BufferedWriter(new OutputStreamWriter(pipe, StandardCharsets.UTF_8), 1 << 16))
			.start();
		run.runHere(args[2], () -> program.main(programArgs));
		// Returning ends the JVM once only daemon threads are left; they die with it, as in Python.
	}

	/**
	 * Halts this process soon after its parent is gone. It polls rather than blocking on standard input:
	 * the JVM's exit waits up to 300 ms for a thread blocked in a native read, which would show up on the
	 * timeline as a process that takes a third of a second to die.
	 */
	private static void watchParent(long parentPid) {
		ProcessHandle parent = ProcessHandle.of(parentPid).orElse(null);
		Thread watch = new Thread(() -> {
			try {
				while (parent != null && parent.isAlive()) {
					TimeUnit.MILLISECONDS.sleep(PARENT_POLL_MS);
				}
				Runtime.getRuntime().halt(3);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt(); // only the JVM's own end interrupts it
			}
		}, "threadlab-child-parent-watch");
		watch.setDaemon(true);
		watch.start();
	}

}
