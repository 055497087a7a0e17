package org.threadlab.cpython;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One listing's interpreter as the operating system sees it: started in a folder of its own (the
 * listing, and the temporary folder of everything it starts, so that what a killed program leaves there —
 * a manager's {@code pymp-*} folder — goes with it), in a session of its own when {@code setsid} is
 * there (so that its whole process group can be killed), with ThreadLab's runner on its path and a
 * lifeline on its standard input: a named pipe this server holds open and never writes, whose end —
 * this server closing it, or dying, SIGKILL included — makes the runner kill the program's group. Its
 * standard output is a named pipe too, read until the last of its processes closes it.
 * <p>
 * Thread-safety: {@link #killAll()} from any thread, any number of times; {@link #close()} once, by the
 * run's last reader, after the program has ended.
 */
final class PythonProcess implements AutoCloseable {

	private final Process process;

	private final Path folder;

	private final boolean ownGroup;

	/** The lifeline's writing end, held until the run is over; null when no named pipe could be made. */
	private final RandomAccessFile lifeline;

	/** What the program's processes write on their standard output, to its end: the last of them closing it. */
	private final InputStream stdout;

	private PythonProcess(Process process, Path folder, boolean ownGroup, RandomAccessFile lifeline, InputStream stdout) {
		this.process = process;
		this.folder = folder;
		this.ownGroup = ownGroup;
		this.lifeline = lifeline;
		this.stdout = stdout;
	}

	/**
	 * What the runner is asked to do besides running the listing.
	 * @param speed the speed of the listing's sleeps and timeouts
	 * @param hangSeconds real seconds of stillness that make a hang (0: never)
	 * @param traceEvents events each process traces at most (0: no trace)
	 */
	record Asked(double speed, double hangSeconds, long traceEvents) {
	}

	/** Starts {@code program} under {@code python}. */
	static PythonProcess start(Interpreter python, String program, Asked asked) throws IOException {
		Path folder = Files.createTempDirectory("threadlab-listing-");
		RandomAccessFile lifeline = null;
		RandomAccessFile outHolder = null;
		try {
			Path listing = folder.resolve("listing.py");
			Files.writeString(listing, program, StandardCharsets.UTF_8);
			Path temp = Files.createDirectory(folder.resolve("tmp"));
			List<String> command = new ArrayList<>();
			String setsid = onPath("setsid");
			if (setsid != null) {
				// its own session and process group, so everything it starts can be ended at once
				command.add(setsid);
				command.add("--wait");
			}
			command.addAll(List.of(python.executable(), "-B", "-s", listing.toString()));
			ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
			Path fifo = folder.resolve("lifeline");
			Path out = folder.resolve("stdout");
			if (setsid != null && mkfifo(fifo, out)) {
				lifeline = new RandomAccessFile(fifo.toFile(), "rw"); // held, never written; opening it does not wait
				builder.redirectInput(fifo.toFile());
				// The program's standard output is a named pipe this server reads itself, not the process's
				// pipe: the JDK closes that one once the interpreter exits, and a fork's orphan that goes on
				// printing would lose its lines. Something reads it while the child opens it for writing.
				outHolder = new RandomAccessFile(out.toFile(), "rw");
				builder.redirectOutput(out.toFile());
			}
			Map<String, String> env = builder.environment();
			env.remove("PYTHONSTARTUP");
			env.remove("PYTHONINSPECT");
			env.put("PYTHONPATH", Runner.directory().toString());
			env.put("PYTHONIOENCODING", "utf-8");
			env.put("PYTHONUNBUFFERED", "1");
			env.put("PYTHONDONTWRITEBYTECODE", "1");
			env.put("TMPDIR", temp.toString());
			env.put("THREADLAB_SPEED", Double.toString(asked.speed()));
			env.put("THREADLAB_STAMP", "1");
			env.put("THREADLAB_HANG", Double.toString(asked.hangSeconds()));
			if (lifeline != null) {
				env.put("THREADLAB_LIFELINE", "1");
			}
			if (asked.traceEvents() > 0) {
				env.put(TraceLines.ENV, "1");
				env.put("THREADLAB_TRACE_MAX", Long.toString(asked.traceEvents()));
			}
			Process process = builder.start();
			InputStream stdout = process.getInputStream();
			if (outHolder != null) {
				stdout = new FileInputStream(folder.resolve("stdout").toFile()); // the child writes now: it does not wait
				outHolder.close(); // the program's processes are its only writers from now on
			}
			return new PythonProcess(process, folder, setsid != null, lifeline, stdout);
		}
		catch (IOException | RuntimeException ex) {
			if (lifeline != null) {
				lifeline.close();
			}
			if (outHolder != null) {
				outHolder.close();
			}
			delete(folder);
			throw ex;
		}
	}

	Process process() {
		return process;
	}

	/** What the program's processes print (the runner's stamped lines): its end is the last of them closing it. */
	InputStream stdout() {
		return stdout;
	}

	/** Kills the interpreter and what it started, also what left its tree but not its process group. */
	void killAll() {
		List<ProcessHandle> all = new ArrayList<>();
		process.descendants().forEach(all::add);
		if (ownGroup) {
			try {
				// the group's id is the session leader's pid: setsid ran the interpreter in its own session
				Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
				kill.waitFor(2, TimeUnit.SECONDS);
			}
			catch (IOException ex) {
				// the handles below still end what they can see
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		all.forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
	}

	/** The run is over: its lifeline ends (whatever of it still runs kills itself) and its folder goes. */
	@Override
	public void close() {
		if (lifeline != null) {
			try {
				lifeline.close();
			}
			catch (IOException ex) {
				// closed all the same: the kernel lets go of it
			}
		}
		delete(folder);
	}

	/** Deletes a folder and everything in it, as far as it can. */
	static void delete(Path folder) {
		try {
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					return FileVisitResult.CONTINUE; // gone meanwhile, or not ours to read: the rest still goes
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
					Files.deleteIfExists(dir);
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			// what could not be deleted stays in the temporary folder
		}
	}

	/** Makes named pipes, in one call; false when there is no mkfifo or it failed. */
	private static boolean mkfifo(Path... paths) {
		List<String> command = new ArrayList<>(List.of("mkfifo", "-m", "600"));
		for (Path path : paths) {
			command.add(path.toString());
		}
		try {
			Process made = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			return made.waitFor(10, TimeUnit.SECONDS) && made.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The full path of a command on the PATH, or null. */
	private static String onPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String dir : path.split(File.pathSeparator)) {
			File file = new File(dir, command);
			if (file.isFile() && file.canExecute()) {
				return file.getAbsolutePath();
			}
		}
		return null;
	}

}
