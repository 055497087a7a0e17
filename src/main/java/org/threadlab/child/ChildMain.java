package org.threadlab.child;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.threadlab.run.Run;
import org.threadlab.run.RunClock;

/**
 * The main class of a child JVM. Arguments: the {@link ChildProgram} class, the main actor's name, the
 * run's start on the monotonic clock (ns), the speed, then the program's {@code key=value} arguments.
 * <p>
 * Standard output is the event pipe to the parent (anything the program writes to System.out goes to
 * standard error instead). Standard input stays open while the parent lives: when it closes, the parent
 * is gone and this process halts at once, so no child outlives its server.
 */
public final class ChildMain {

	/** Bounded like a server run's trace; a child's programs are small. */
	private static final long TRACE_CAPACITY = 1 << 20;

	private ChildMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 4) {
			System.err.println("usage: ChildMain <program class> <main name> <run start ns> <speed> [key=value...]");
			System.exit(2);
		}
		PrintStream pipe = System.out;
		System.setOut(System.err);
		watchParent();

		ChildProgram program = (ChildProgram) Class.forName(args[0]).getDeclaredConstructor().newInstance();
		Map<String, String> programArgs = new LinkedHashMap<>();
		for (int i = 4; i < args.length; i++) {
			int eq = args[i].indexOf('=');
			programArgs.put(args[i].substring(0, eq), args[i].substring(eq + 1));
		}
		Run run = new Run(Run.Home.CHILD, new RunClock(Long.parseLong(args[2]), Double.parseDouble(args[3])),
				TRACE_CAPACITY);
		new ChildSender(run.recorder(),
				new BufferedWriter(new OutputStreamWriter(pipe, StandardCharsets.UTF_8), 1 << 16))
			.start();
		run.runHere(args[1], () -> program.main(programArgs));
		// Returning ends the JVM once only daemon threads are left; they die with it, as in Python.
	}

	private static void watchParent() {
		Thread watch = new Thread(() -> {
			try {
				while (System.in.read() != -1) {
					// the parent never writes; we only wait for the pipe to close
				}
			}
			catch (IOException ex) {
				// a broken pipe means the same as its end: the parent is gone
			}
			Runtime.getRuntime().halt(3);
		}, "threadlab-child-parent-watch");
		watch.setDaemon(true);
		watch.start();
	}

}
