package org.threadlab.cpython;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * lines arrive stamped with their lesson time and thread, and, when asked, its trace in ThreadLab's
 * vocabulary (both read by {@link RunnerLines}); it ends within the limits of any run — killed with every
 * process it started when it is cancelled, outlasts its time, starts too many processes or prints too
 * much (its trace does not count as printed). Nothing it started outlives it, nor this server
 * ({@link PythonProcess}).
 * <p>
 * Thread-safety: {@link #cancel()} may be called from any thread, any number of times. The consumers
 * are called in batches ({@link Handover}), by one thread at a time; the result completes once, after
 * the last line and the last of the trace have been handed over.
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
	 * @param maxTraceEvents events of its trace handed over at most (each process traces as many at most)
	 */
	public record Limits(long maxSeconds, int maxProcesses, long maxOutputBytes, double hangSeconds, long maxTraceEvents) {

		/** The trace's limit when none is given. */
		public static final long TRACE_EVENTS = 50_000;

		public Limits(long maxSeconds, int maxProcesses, long maxOutputBytes, double hangSeconds) {
			this(maxSeconds, maxProcesses, maxOutputBytes, hangSeconds, TRACE_EVENTS);
		}

	}

	private static final int EXIT_HANG = 70;

	private static final AtomicInteger RUNS = new AtomicInteger();

	/** Watches every run's time and processes; one daemon thread for all. */
	private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-python-watch");
		thread.setDaemon(true);
		return thread;
	});

	private final PythonProcess started;

	private final Process process;

	private final Limits limits;

	private final Handover handover;

	private final AtomicReference<Result> stopped = new AtomicReference<>();

	private final AtomicLong printed = new AtomicLong();

	private final CompletableFuture<Result> result = new CompletableFuture<>();

	private final List<ScheduledFuture<?>> watches = new ArrayList<>();

	// written by the stdout reader, read after it has ended
	private volatile double lastT;

	private volatile Double exitT;

	private final List<Frame> frames = new ArrayList<>();

	private volatile String lastError;

	private PythonRun(PythonProcess started, Limits limits, Handover handover) {
		this.started = started;
		this.process = started.process();
		this.limits = limits;
		this.handover = handover;
	}

	/**
	 * Starts {@code program} under {@code python} at {@code speed}, without a trace; {@code output} gets its
	 * lines in batches.
	 * @throws IOException when the program cannot be written or the interpreter cannot be started
	 */
	public static PythonRun start(Interpreter python, String program, double speed, Limits limits,
			Consumer<List<Line>> output) throws IOException {
		return start(python, program, speed, limits, output, null);
	}

	/**
	 * Starts {@code program} under {@code python} at {@code speed}; {@code output} gets its lines in
	 * batches, and {@code trace}, unless null, its trace: its steps as {@link PythonEvent}s, at most
	 * {@link Limits#maxTraceEvents()} of them, and a {@link TraceCut} for each process that stopped tracing.
	 * @throws IOException when the program cannot be written or the interpreter cannot be started
	 */
	public static PythonRun start(Interpreter python, String program, double speed, Limits limits,
			Consumer<List<Line>> output, Consumer<List<TraceLine>> trace) throws IOException {
		PythonProcess started = PythonProcess.start(python, program,
				new PythonProcess.Asked(speed, limits.hangSeconds(), trace == null ? 0 : limits.maxTraceEvents()));
		PythonRun run = new PythonRun(started, limits, new Handover(output, trace, limits.maxTraceEvents()));
		run.follow(RUNS.incrementAndGet());
		return run;
	}

	private void follow(int id) {
		Thread err = new Thread(() -> read(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8), false),
				"threadlab-python-" + id + "-err");
		Thread out = new Thread(() -> {
			read(new InputStreamReader(started.stdout(), StandardCharsets.UTF_8), true);
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
				watches.add(WATCH.schedule(started::killAll, ORPHANS_GRACE_SECONDS, TimeUnit.SECONDS));
			}
		});
		synchronized (watches) {
			watches.add(WATCH.schedule(() -> stop(new Result(Status.CANCELLED, 0,
					"stopped by the server after " + limits.maxSeconds() + " s, its limit for one run", -1, List.of())),
					limits.maxSeconds(), TimeUnit.SECONDS));
			watches.add(WATCH.scheduleWithFixedDelay(this::countProcesses, 100, 100, TimeUnit.MILLISECONDS));
			watches.add(WATCH.scheduleWithFixedDelay(this::hand, Handover.EVERY_MILLIS, Handover.EVERY_MILLIS,
					TimeUnit.MILLISECONDS));
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
			started.killAll();
		}
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
					handover.line(parsed);
				}
			}
		}
		catch (IOException ex) {
			// the pipe broke: the process is gone; what was read is handed over at the end
		}
	}

	/** Hands over what was read; a consumer that fails cancels the run, as nobody takes its lines any more. */
	private void hand() {
		try {
			handover.hand();
		}
		catch (RuntimeException ex) {
			cancel();
		}
	}

	/**
	 * What the runner said on stdout, as a Line; null for its own records, which it keeps, and for its
	 * trace, which goes to the handover. Only the stdout reader.
	 */
	private Line take(RunnerLines.Parsed said) {
		if (said instanceof RunnerLines.Stamped stamped) {
			lastT = Math.max(lastT, stamped.t());
		}
		if (said instanceof RunnerLines.Printed printed) {
			return new Line(printed.t(), printed.stream(), printed.thread(), printed.text());
		}
		if (said instanceof RunnerLines.Traced traced) {
			handover.trace(traced.line());
		}
		else if (said instanceof RunnerLines.Waiting waiting) {
			synchronized (frames) {
				frames.add(new Frame(waiting.thread(), waiting.line()));
			}
		}
		else if (said instanceof RunnerLines.Exited exited) {
			exitT = exited.t();
		}
		else if (said instanceof RunnerLines.Unstamped unstamped) {
			return new Line(lastT, "out", "", unstamped.text());
		}
		return null; // the runner's own records, a garbled trace line
	}

	private void finish(Thread err) {
		try {
			err.join(5_000);
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				started.killAll();
				process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		synchronized (watches) {
			watches.forEach(w -> w.cancel(false));
		}
		started.killAll(); // nothing it started may outlive it
		started.close();
		hand();
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

}
