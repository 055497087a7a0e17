package org.threadlab.cpython;

import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One listing running under a real CPython, with ThreadLab's {@link Runner} on its path: its printed
 * lines arrive stamped with their lesson time and thread (read by {@link RunnerLines}), and it ends
 * within the limits of any run — killed with every process it started when it is cancelled, outlasts
 * its time, starts too many processes or prints too much. Nothing it started outlives it.
 * <p>
 * Thread-safety: {@link #cancel()} may be called from any thread, any number of times. The output
 * consumer is called from the run's two reader threads (stdout and stderr), never at once for one
 * stream; the result completes once, after the last line has been handed over.
 */
public final class PythonRun {

	/** How long what a program leaves behind may run after it has exited before it is killed. */
	static final long ORPHANS_GRACE_SECONDS = 10;


	/** Why a run ended. */
	public enum Status {
		COMPLETED, FAILED, HANG, CANCELLED
	}

	/**
	 * A line the program wrote.
	 * @param t lesson seconds since the program started
	 * @param stream "out" or "err"
	 * @param thread the name of the thread that wrote it ("MainThread"); empty when unknown
	 */
	public record Line(double t, String stream, String thread, String text) {
	}

	/** Where a thread waited for ever: a line of the listing, or 0 when it was outside it. */
	public record Frame(String thread, int line) {
	}

	/**
	 * How the run ended.
	 * @param elapsed lesson seconds from the program's start to its end
	 * @param error what went wrong, or null
	 * @param frames for a HANG, where each thread waits
	 */
	public record Result(Status status, double elapsed, String error, int exitCode, List<Frame> frames) {
	}

	/**
	 * The limits a run keeps.
	 * @param maxSeconds real seconds it may last
	 * @param maxProcesses processes it may have at once besides its own
	 * @param maxOutputBytes bytes it may print
	 * @param hangSeconds real seconds of complete stillness after which it counts as hanging (0: never)
	 */
	public record Limits(long maxSeconds, int maxProcesses, long maxOutputBytes, double hangSeconds) {
	}

	private static final int EXIT_HANG = 70;

	private static final AtomicInteger RUNS = new AtomicInteger();

	/** Watches every run's time and processes; one daemon thread for all. */
	private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-python-watch");
		thread.setDaemon(true);
		return thread;
	});

	private final Process process;

	private final Path folder;

	private final Limits limits;

	private final Consumer<List<Line>> output;

	private final boolean ownGroup;

	private final AtomicReference<Result> stopped = new AtomicReference<>();

	private final AtomicLong printed = new AtomicLong();

	private final CompletableFuture<Result> result = new CompletableFuture<>();

	private final List<ScheduledFuture<?>> watches = new ArrayList<>();

	// written by the stdout reader, read after it has ended
	private volatile double lastT;

	private volatile Double exitT;

	private final List<Frame> frames = new ArrayList<>();

	private volatile String lastError;

	private PythonRun(Process process, Path folder, Limits limits, Consumer<List<Line>> output, boolean ownGroup) {
		this.process = process;
		this.folder = folder;
		this.limits = limits;
		this.output = output;
		this.ownGroup = ownGroup;
	}

	/**
	 * Starts {@code program} under {@code python} at {@code speed}; {@code output} gets its lines in batches.
	 * @throws IOException when the program cannot be written or the interpreter cannot be started
	 */
	public static PythonRun start(Interpreter python, String program, double speed, Limits limits,
			Consumer<List<Line>> output) throws IOException {
		Path folder = Files.createTempDirectory("threadlab-listing-");
		Path listing = folder.resolve("listing.py");
		Files.writeString(listing, program, StandardCharsets.UTF_8);
		List<String> command = new ArrayList<>();
		String setsid = onPath("setsid");
		if (setsid != null) {
			// its own process group, so everything it starts can be ended at once
			command.add(setsid);
			command.add("--wait");
		}
		command.addAll(List.of(python.executable(), "-B", "-s", listing.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
		Map<String, String> env = builder.environment();
		env.remove("PYTHONSTARTUP");
		env.remove("PYTHONINSPECT");
		env.put("PYTHONPATH", Runner.directory().toString());
		env.put("PYTHONIOENCODING", "utf-8");
		env.put("PYTHONUNBUFFERED", "1");
		env.put("PYTHONDONTWRITEBYTECODE", "1");
		env.put("THREADLAB_SPEED", Double.toString(speed));
		env.put("THREADLAB_STAMP", "1");
		env.put("THREADLAB_HANG", Double.toString(limits.hangSeconds()));
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			delete(folder);
			throw ex;
		}
		PythonRun run = new PythonRun(process, folder, limits, output, setsid != null);
		run.follow(RUNS.incrementAndGet());
		return run;
	}

	private void follow(int id) {
		Thread err = new Thread(() -> read(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8), false),
				"threadlab-python-" + id + "-err");
		Thread out = new Thread(() -> {
			read(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), true);
			finish(err);
		}, "threadlab-python-" + id + "-out");
		err.setDaemon(true);
		out.setDaemon(true);
		err.start();
		out.start();
		// What the program leaves behind may go on a while (an orphan of a fork is adopted and finishes,
		// printing to the same output): it gets a few seconds, then it ends, and the pipes close.
		process.onExit().thenRun(() -> {
			synchronized (watches) {
				watches.add(WATCH.schedule(this::killAll, ORPHANS_GRACE_SECONDS, TimeUnit.SECONDS));
			}
		});
		synchronized (watches) {
			watches.add(WATCH.schedule(() -> stop(new Result(Status.CANCELLED, 0,
					"stopped by the server after " + limits.maxSeconds() + " s, its limit for one run", -1, List.of())),
					limits.maxSeconds(), TimeUnit.SECONDS));
			watches.add(WATCH.scheduleWithFixedDelay(this::countProcesses, 100, 100, TimeUnit.MILLISECONDS));
		}
	}

	private void countProcesses() {
		if (process.descendants().count() > limits.maxProcesses()) {
			stop(new Result(Status.FAILED, 0, "started more than " + limits.maxProcesses() + " processes, the limit", -1,
					List.of()));
		}
	}

	/** Ends the run: every process it started is killed. Its lines so far and its result still arrive. */
	public void cancel() {
		stop(new Result(Status.CANCELLED, 0, null, -1, List.of()));
	}

	private void stop(Result why) {
		if (stopped.compareAndSet(null, why)) {
			killAll();
		}
	}

	/** Kills the interpreter and what it started, also what left its tree but not its process group. */
	private void killAll() {
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

	/** The future result; complete once the program has ended and its last line was handed over. */
	public CompletableFuture<Result> result() {
		return result;
	}

	/** The interpreter's process id (the group's, when it has its own). */
	public long pid() {
		return process.pid();
	}

	private void read(Reader in, boolean stamped) {
		StringBuilder line = new StringBuilder();
		List<Line> batch = new ArrayList<>();
		try (in) {
			while (RunnerLines.readLine(in, line)) {
				Line parsed = stamped ? take(RunnerLines.parse(line.toString())) : new Line(lastT, "err", "", line.toString());
				if (parsed != null) {
					if (printed.addAndGet(parsed.text().length() + 1) > limits.maxOutputBytes()) {
						stop(new Result(Status.FAILED, 0, "printed more than " + limits.maxOutputBytes() + " bytes, the limit",
								-1, List.of()));
						break;
					}
					if (parsed.stream().equals("err")) {
						lastError = parsed.text();
					}
					batch.add(parsed);
				}
				if (!in.ready() || batch.size() >= 200) {
					hand(batch);
				}
			}
		}
		catch (IOException ex) {
			// the pipe broke: the process is gone; what was read is handed over below
		}
		hand(batch);
	}

	private void hand(List<Line> batch) {
		if (!batch.isEmpty()) {
			try {
				output.accept(List.copyOf(batch));
			}
			catch (RuntimeException ex) {
				cancel(); // nobody takes the lines any more
			}
			batch.clear();
		}
	}

	/** What the runner said on stdout, as a Line; null for its own records, which it keeps. Only the stdout reader. */
	private Line take(RunnerLines.Parsed said) {
		if (said instanceof RunnerLines.Stamped stamped) {
			lastT = Math.max(lastT, stamped.t());
		}
		if (said instanceof RunnerLines.Printed printed) {
			return new Line(printed.t(), printed.stream(), printed.thread(), printed.text());
		}
		if (said instanceof RunnerLines.Waiting waiting) {
			synchronized (frames) {
				frames.add(new Frame(waiting.thread(), waiting.line()));
			}
			return null;
		}
		if (said instanceof RunnerLines.Exited exited) {
			exitT = exited.t();
			return null;
		}
		return new Line(lastT, "out", "", ((RunnerLines.Unstamped) said).text());
	}

	private void finish(Thread err) {
		try {
			err.join(5_000);
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				killAll();
				process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		synchronized (watches) {
			watches.forEach(w -> w.cancel(false));
		}
		killAll(); // nothing it started may outlive it
		delete(folder);
		int exit = process.isAlive() ? -1 : process.exitValue();
		double elapsed = exitT != null ? exitT : lastT;
		Result why = stopped.get();
		List<Frame> hung;
		synchronized (frames) {
			hung = List.copyOf(frames);
		}
		Result end;
		if (why != null) {
			end = new Result(why.status(), elapsed, why.error(), exit, hung);
		}
		else if (exit == EXIT_HANG && !hung.isEmpty()) {
			end = new Result(Status.HANG, elapsed, "every thread waits for ever: " + hung.stream()
				.map(f -> f.thread() + (f.line() > 0 ? " at line " + f.line() : " outside the listing"))
				.collect(Collectors.joining(", ")), exit, hung);
		}
		else if (exit == 0) {
			end = new Result(Status.COMPLETED, elapsed, null, exit, List.of());
		}
		else {
			end = new Result(Status.FAILED, elapsed, lastError != null ? lastError : "exit code " + exit, exit, List.of());
		}
		result.complete(end);
	}

	private static void delete(Path folder) {
		File[] files = folder.toFile().listFiles();
		if (files != null) {
			for (File file : files) {
				file.delete();
			}
		}
		folder.toFile().delete();
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
