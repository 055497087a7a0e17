package org.threadlab.cpython;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Service;
import org.threadlab.launch.LaunchRefused;
import org.threadlab.launch.RunLauncher;
import org.threadlab.launch.RunLimits;
import org.threadlab.launch.RunRequest;
import org.threadlab.scenario.Language;
import org.threadlab.scenario.ScenarioCatalog;

/**
 * Runs a scenario's own listing, rendered for the request's parameters, under the server's python3 at
 * the request's speed, beside a ThreadLab run: one at a time per owner (a socket), within the limits of
 * any run. The request is checked as a run's; no other program can be run. What it prints, and how it
 * ends, go to the owner's sink as the messages of docs/protocol.md ({@code python-started},
 * {@code python-output}, {@code python-end}). Thread-safe.
 */
@Service
public class PythonRuns {

	private final RunLauncher launcher;

	private final ScenarioCatalog catalog;

	private final RunLimits runLimits;

	private final PythonLimits limits;

	private final Map<String, PythonRun> going = new ConcurrentHashMap<>();

	private final AtomicInteger count = new AtomicInteger();

	private final AtomicLong ids = new AtomicLong();

	private volatile Interpreter.Lookup lookup;

	PythonRuns(RunLauncher launcher, ScenarioCatalog catalog, RunLimits runLimits, PythonLimits limits) {
		this.launcher = launcher;
		this.catalog = catalog;
		this.runLimits = runLimits;
		this.limits = limits;
	}

	/** Messages to the owner. */
	public record Started(String type, long pythonRunId, String scenario, String version) {
	}

	/** Printed lines as the page shows them: lesson seconds, stream, thread, text. */
	public record Output(String type, long pythonRunId, List<PythonRun.Line> lines) {
	}

	/** How it ended; for a HANG, where each thread waits (line 0: outside the listing). */
	public record End(String type, long pythonRunId, String status, double elapsed, String error,
			List<PythonRun.Frame> frames) {
	}

	/** The interpreter, looked for once, on the first request: found, or why there is none. */
	public Interpreter.Lookup python() {
		Interpreter.Lookup found = lookup;
		if (found == null) {
			synchronized (this) {
				if (lookup == null) {
					lookup = Interpreter.find(limits.command());
				}
				found = lookup;
			}
		}
		return found;
	}

	/**
	 * Starts the owner's CPython run, ending the one it had; {@code send} gets the messages, from other
	 * threads. Refused, with nothing started, when the request is wrong, there is no python, or too many
	 * run already.
	 */
	public void start(String owner, RunRequest request, Language language, Consumer<Object> send) throws LaunchRefused {
		RunLauncher.Checked checked = launcher.check(request);
		Interpreter.Lookup python = python();
		if (!python.found()) {
			throw new LaunchRefused("no-python", "This server cannot run the listing in CPython: " + python.missing() + ".",
					Map.of("needs", Interpreter.OLDEST));
		}
		cancel(owner);
		if (count.incrementAndGet() > limits.maxConcurrent()) {
			count.decrementAndGet();
			throw new LaunchRefused("busy", "The server is running " + limits.maxConcurrent()
					+ " listings in CPython, its limit; try again when one has ended.", Map.of("limit", limits.maxConcurrent()));
		}
		long id = ids.incrementAndGet();
		String program = catalog.listing(checked.scenario(), language, checked.params()).python();
		PythonRun run = null;
		Object inOrder = new Object(); // python-started goes first, though lines may be read before it is sent
		try {
			synchronized (inOrder) {
				run = PythonRun.start(python.interpreter(), program, checked.settings().decimal("speed"),
						new PythonRun.Limits(runLimits.maxSeconds(), limits.maxProcesses(), limits.maxOutputBytes(),
								limits.hangSeconds()),
						lines -> {
							synchronized (inOrder) {
								send.accept(new Output("python-output", id, lines));
							}
						});
				try {
					send.accept(new Started("python-started", id, checked.scenario().id(), python.interpreter().version()));
				}
				catch (RuntimeException gone) {
					run.cancel();
					throw gone;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			count.decrementAndGet();
			if (run == null) {
				send.accept(new End("python-end", id, PythonRun.Status.FAILED.name(), 0, "could not start python: " + ex.getMessage(),
						List.of()));
			}
			return;
		}
		PythonRun started = run;
		going.put(owner, started);
		started.result().whenComplete((result, error) -> {
			count.decrementAndGet();
			going.remove(owner, started);
			try {
				send.accept(result != null
						? new End("python-end", id, result.status().name(), result.elapsed(), result.error(), result.frames())
						: new End("python-end", id, PythonRun.Status.FAILED.name(), 0, String.valueOf(error), List.of()));
			}
			catch (RuntimeException gone) {
				// the owner left: nothing to tell
			}
		});
	}

	/** Ends the owner's CPython run, if it has one; its end still arrives. */
	public void cancel(String owner) {
		PythonRun run = going.get(owner);
		if (run != null) {
			run.cancel();
		}
	}

	/** CPython runs going now. */
	public int going() {
		return count.get();
	}

	@PreDestroy
	void stop() {
		going.values().forEach(PythonRun::cancel);
	}

}
