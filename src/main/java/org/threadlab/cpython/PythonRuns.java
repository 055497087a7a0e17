package org.threadlab.cpython;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Service;
import org.threadlab.launch.LaunchRefused;
import org.threadlab.launch.RunLauncher;
import org.threadlab.launch.RunLimits;
import org.threadlab.launch.RunRequest;
import org.threadlab.launch.Seat;
import org.threadlab.launch.SeatListener;
import org.threadlab.scenario.Language;
import org.threadlab.scenario.RunCost;
import org.threadlab.scenario.ScenarioCatalog;

/**
 * Runs a scenario's own listing, rendered for the request's parameters, under the server's python3 at
 * the request's speed, traced, beside a ThreadLab run: one at a time per owner (a socket), within the
 * limits of any run, admitted as ThreadLab's runs are — in the same fair queue, by its client's share,
 * by the processes and cores it uses ({@link #cost}). The request is checked as a run's; no other program
 * can be run. What it prints, what it did, and how it ends, go to the owner's sink as the messages of
 * docs/protocol.md ({@link PythonMessages}: {@code python-queued}, {@code python-started},
 * {@code python-output}, {@code python-events}, {@code python-end}).
 * <p>
 * A new request of an owner replaces its request that still waits (which says nothing more), and ends
 * its running listing only when the new one is admitted: one refused, or waiting, leaves it running.
 * <p>
 * Thread-safety: any thread. The owners' requests are guarded by this object's monitor; listings start
 * on one thread of their own ({@code threadlab-python-start}), never on the admission's.
 */
@Service
public class PythonRuns {

	/** Threads of the server one listing holds: its two readers. */
	static final int SERVER_THREADS = 2;

	private final RunLauncher launcher;

	private final ScenarioCatalog catalog;

	private final RunLimits runLimits;

	private final PythonLimits limits;

	// guarded by this
	private final Map<String, Request> waiting = new HashMap<>();

	private final Map<String, Request> running = new HashMap<>();

	private final AtomicInteger count = new AtomicInteger();

	private final AtomicLong ids = new AtomicLong();

	private final ExecutorService starter = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-python-start");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Interpreter.Lookup lookup;

	PythonRuns(RunLauncher launcher, ScenarioCatalog catalog, RunLimits runLimits, PythonLimits limits) {
		this.launcher = launcher;
		this.catalog = catalog;
		this.runLimits = runLimits;
		this.limits = limits;
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
	 * What a listing under CPython uses, for the admission: its readers' threads, the interpreter and the
	 * lesson's processes, and the cores its busy threads keep busy under CPython's GIL.
	 */
	static ListingCost cost(RunCost lesson) {
		return new ListingCost(SERVER_THREADS, 1 + lesson.processes(), lesson.cores(true));
	}

	/** What one listing uses, as {@link RunLauncher#seat} takes it. */
	record ListingCost(int threads, int processes, double cores) {
	}

	/**
	 * Asks for room for the owner's listing on behalf of {@code client}; {@code send} gets the messages, from
	 * other threads. Refused, with nothing changed (the owner's listing goes on), when the request is wrong,
	 * there is no python, or the queue is full.
	 */
	public void start(String owner, String client, RunRequest request, Language language, Consumer<Object> send)
			throws LaunchRefused {
		RunLauncher.Checked checked = launcher.check(request);
		Interpreter.Lookup python = python();
		if (!python.found()) {
			throw new LaunchRefused("no-python", "This server cannot run the listing in CPython: " + python.missing() + ".",
					Map.of("needs", Interpreter.OLDEST));
		}
		String program = catalog.listing(checked.scenario(), language, checked.params()).python();
		Request next = new Request(owner, ids.incrementAndGet(), checked.scenario().id(), program,
				checked.settings().decimal("speed"), python.interpreter(), send);
		ListingCost room = cost(checked.scenario().cost(checked.params()));
		Request replaced;
		synchronized (this) {
			replaced = waiting.put(owner, next); // first: its admission may come at once
		}
		try {
			next.seat(launcher.seat(client, room.threads(), room.processes(), room.cores(), next));
		}
		catch (LaunchRefused busy) {
			synchronized (this) {
				if (waiting.get(owner) == next) {
					if (replaced != null && replaced.isWaiting()) {
						waiting.put(owner, replaced); // refused: the request it would have replaced keeps its place
					}
					else {
						waiting.remove(owner);
					}
				}
			}
			throw busy;
		}
		if (replaced != null) {
			replaced.leave(); // it leaves the queue; nothing more is said of it
		}
	}

	/** Ends the owner's listing, if it has one (its end still arrives), or takes its request out of the queue. */
	public void cancel(String owner) {
		Request queued;
		Request going;
		synchronized (this) {
			queued = waiting.remove(owner);
			going = running.get(owner);
		}
		if (queued != null) {
			queued.leave();
		}
		if (going != null) {
			going.cancel();
		}
	}

	/** CPython runs going now. */
	public int going() {
		return count.get();
	}

	@PreDestroy
	void stop() {
		List<Request> all;
		synchronized (this) {
			all = new ArrayList<>(waiting.values());
			all.addAll(running.values());
			waiting.clear();
		}
		for (Request request : all) {
			request.leave();
			request.cancel();
		}
		starter.shutdownNow();
	}

	/** One request of an owner: waiting for room, then its listing running. */
	private final class Request implements SeatListener {

		private final String owner;

		private final long id;

		private final String scenario;

		private final String program;

		private final double speed;

		private final Interpreter python;

		private final Consumer<Object> send;

		/** python-started goes first, though lines may be read before it is sent. */
		private final Object inOrder = new Object();

		// guarded by this; the seat is read by the starter after the admission gave it
		private Seat seat;

		private boolean left;

		/** Written before the run starts, read by {@link #cancel()}: one of the two always sees the other. */
		private volatile PythonRun run;

		private volatile boolean cancelled;

		Request(String owner, long id, String scenario, String program, double speed, Interpreter python,
				Consumer<Object> send) {
			this.owner = owner;
			this.id = id;
			this.scenario = scenario;
			this.program = program;
			this.speed = speed;
			this.python = python;
			this.send = send;
		}

		private synchronized Seat seat() {
			return seat;
		}

		/** Its seat, given once (by the admission or the request, whichever comes first). */
		void seat(Seat given) {
			boolean leaving;
			synchronized (this) {
				if (seat == null) {
					seat = given;
				}
				leaving = left;
			}
			if (leaving) {
				given.withdraw();
			}
		}

		/** Leaves the queue, if it waits: nothing more is said of it. */
		void leave() {
			Seat given;
			synchronized (this) {
				left = true;
				given = seat;
			}
			if (given != null) {
				given.withdraw();
			}
		}

		synchronized boolean isWaiting() {
			return !left && (seat == null || seat.isWaiting());
		}

		@Override
		public void queued(int position) {
			synchronized (PythonRuns.this) {
				if (waiting.get(owner) != this) {
					return;
				}
			}
			tell(new PythonMessages.Queued("python-queued", id, position));
		}

		@Override
		public void admitted(Seat given) {
			seat(given);
			try {
				starter.execute(this::begin);
			}
			catch (RejectedExecutionException stopping) {
				given.release();
			}
		}

		/** Its turn has come: the owner's running listing ends, and this one starts. On the starter thread. */
		private void begin() {
			Request previous;
			Seat mine = seat();
			synchronized (PythonRuns.this) {
				if (waiting.get(owner) != this) {
					mine.release(); // replaced or cancelled while it was being admitted
					return;
				}
				waiting.remove(owner);
				previous = running.put(owner, this);
			}
			if (previous != null) {
				previous.cancel(); // its end still arrives
			}
			count.incrementAndGet();
			PythonRun started = null;
			try {
				synchronized (inOrder) {
					started = PythonRun.start(python, program, speed,
							new PythonRun.Limits(runLimits.maxSeconds(), limits.maxProcesses(), limits.maxOutputBytes(),
									limits.hangSeconds(), limits.maxTraceEvents()),
							lines -> say(new PythonMessages.Output("python-output", id, lines)), this::traced);
					run = started;
					send.accept(new PythonMessages.Started("python-started", id, scenario, python.version()));
				}
			}
			catch (IOException | RuntimeException ex) {
				if (started != null) {
					started.cancel(); // the owner is gone; its end below tells nobody
				}
				else {
					tell(new PythonMessages.End("python-end", id, PythonRun.Status.FAILED.name(), 0, "could not start python: " + ex.getMessage(),
							List.of()));
					ended();
					return;
				}
			}
			if (cancelled) {
				started.cancel();
			}
			started.result().whenComplete((result, error) -> {
				// its end is said before its room goes back: the owner's next listing, admitted then, comes after it
				tell(result != null
						? new PythonMessages.End("python-end", id, result.status().name(), result.elapsed(), result.error(), result.frames())
						: new PythonMessages.End("python-end", id, PythonRun.Status.FAILED.name(), 0, String.valueOf(error), List.of()));
				ended();
			});
		}

		private void traced(List<TraceLine> trace) {
			List<PythonEvent> events = new ArrayList<>(trace.size());
			List<TraceCut> cuts = new ArrayList<>(0);
			for (TraceLine line : trace) {
				if (line instanceof PythonEvent event) {
					events.add(event);
				}
				else {
					cuts.add((TraceCut) line);
				}
			}
			say(new PythonMessages.Events("python-events", id, events, cuts));
		}

		/** Its listing has ended, or could not start: its room goes back. */
		private void ended() {
			count.decrementAndGet();
			seat().release();
			synchronized (PythonRuns.this) {
				running.remove(owner, this);
			}
		}

		/** Sends a message of the running listing, after python-started; a failing send cancels it (in PythonRun). */
		private void say(Object message) {
			synchronized (inOrder) {
				send.accept(message);
			}
		}

		/** Sends a message to an owner who may have left. */
		private void tell(Object message) {
			try {
				send.accept(message);
			}
			catch (RuntimeException gone) {
				// the owner left: nothing to tell
			}
		}

		void cancel() {
			cancelled = true;
			PythonRun r = run;
			if (r != null) {
				r.cancel();
			}
		}

	}

}
