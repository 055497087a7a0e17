package org.threadlab.childjvm;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * In a child JVM of a run: the process {@code os.fork()} starts, a real child of this one. A JVM cannot
 * fork, so it is a JVM of its own, launched by this process; to make {@code fork()} cost milliseconds
 * rather than a JVM's start, a process that may fork keeps one ready: the server's <em>forking
 * spares</em> ({@link ChildMain} mode {@code forking-spare}) each start, while they wait for an
 * assignment, a spare of their own ({@link #prepare}, mode {@code fork-spare}), warmed up and waiting on
 * its standard input, which {@link #start} hands the forked child's assignment. A process with none
 * (not a forking spare, or its spare used) launches this JVM again, as a spare is, and the child finds
 * its assignment in a file.
 * <p>
 * Either way the child then outlives this process, as a forked process may: it watches the server by
 * the run's lifeline, hears the server on a named pipe of its own and sends its events on another.
 * <p>
 * Thread-safety: {@link #prepare} once, before the run starts; {@link #start} from any thread, each
 * spare taken once.
 */
public final class ForkedProcess {

	/** A child started for a fork: its process, and whether it was a spare (and since when). */
	public record Started(Process process, boolean spare, long launchedNanos) {
	}

	private static final Object LOCK = new Object();

	// guarded by LOCK
	private static Process spare;

	private static long spareLaunched;

	private ForkedProcess() {
	}

	/**
	 * In a forking spare, as it warms up: launches a spare for a fork and waits until it is ready; if it
	 * cannot, a fork will launch its child then.
	 */
	static void prepare() {
		long launched = System.nanoTime();
		Process process;
		try {
			process = new ProcessBuilder(command(ChildMain.FORK_SPARE)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		}
		catch (IOException ex) {
			System.err.println("threadlab child: cannot start a spare for a fork: " + ex);
			return;
		}
		try {
			if (Spares.awaitReady(process)) {
				synchronized (LOCK) {
					spare = process;
					spareLaunched = launched;
				}
				return;
			}
		}
		catch (IOException ex) {
			// broken: launched at the fork instead
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		process.destroyForcibly();
	}

	/**
	 * Starts the child of a fork with its {@code assignment}: hands it to the spare if there is one,
	 * else launches one now, its assignment in {@code file}.
	 */
	public static Started start(Assignment assignment, Path file) throws IOException {
		Process ready;
		long launched;
		synchronized (LOCK) {
			ready = spare;
			launched = spareLaunched;
			spare = null;
		}
		if (ready != null && ready.isAlive()) {
			OutputStream in = ready.getOutputStream();
			in.write((assignment.encode() + "\n").getBytes(StandardCharsets.UTF_8));
			in.flush(); // never closed: the child reads on until it knows it outlives this process
			return new Started(ready, true, launched);
		}
		long now = System.nanoTime();
		Files.writeString(file, assignment.encode());
		Process child = new ProcessBuilder(command(ChildMain.FORKED, file.toString()))
			.redirectInput(ProcessBuilder.Redirect.INHERIT)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		return new Started(child, false, now);
	}

	/** This JVM again, with its own flags and class path, in {@code mode}. */
	private static List<String> command(String... mode) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse(
				Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
			if (!argument.startsWith("-XX:ArchiveClassesAtExit")) {
				command.add(argument);
			}
		}
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ChildMain.class.getName());
		command.addAll(List.of(mode));
		return command;
	}

}
