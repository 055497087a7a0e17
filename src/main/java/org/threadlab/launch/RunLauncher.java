package org.threadlab.launch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import jakarta.annotation.PreDestroy;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.threadlab.run.Gil;
import org.threadlab.run.PauseGate;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.run.RunFolders;
import org.threadlab.scenario.BadParameterException;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;

/**
 * Checks run requests and starts runs when the {@link Admission} lets them. A request is checked whole
 * before anything is created, so a refused one starts no thread and no process and takes no place in
 * the queue. A run that outlasts the time limit is cancelled, so a forgotten tab cannot hold its room
 * for ever. When the server stops, every run going is ended ({@link LiveRuns}); when it starts, what a
 * server killed mid-run left on disk is removed ({@link RunFolders#sweep()}).
 * <p>
 * Thread-safety: any thread may launch and cancel; runs start on the admission thread.
 */
@Service
public class RunLauncher {

	private final ScenarioCatalog catalog;

	private final RunLimits limits;

	private final Admission admission;

	/** The settings every run takes besides its scenario's parameters. */
	private final List<ParameterSpec> settingSpecs;

	private final AtomicInteger going = new AtomicInteger();

	private final LiveRuns live = new LiveRuns();

	/** How long a stopping server waits for its runs to end (their processes stopped, their folders removed). */
	static final Duration STOP_LIMIT = Duration.ofSeconds(10);

	private final ApplicationEventPublisher events;

	/** Cancels runs that outlast {@link RunLimits#maxSeconds()}; one thread for all runs. */
	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-run-limit");
		thread.setDaemon(true);
		return thread;
	});

	RunLauncher(ScenarioCatalog catalog, RunLimits limits, AdmissionLimits admissionLimits,
			ApplicationEventPublisher events) {
		this.catalog = catalog;
		this.events = events;
		this.limits = limits;
		this.admission = new Admission(admissionLimits);
		RunFolders.sweep();
		this.settingSpecs = List.of(ParameterSpec.decimal("speed", 1, limits.minSpeed(), limits.maxSpeed()),
				ParameterSpec.flag("gil", true), ParameterSpec.decimal("switchIntervalMs", 5, 0.1, 100),
				ParameterSpec.flag("everyBytecode", false), ParameterSpec.flag("paused", false));
	}

	/** A run that has started, with the checked values it runs with. */
	public record Launched(Run run, Scenario scenario, Params params, Params settings, PauseGate pause) {
	}

	/** A request checked whole: its scenario and values are right. Immutable. */
	public record Checked(Scenario scenario, Params params, Params settings) {
	}

	/**
	 * Checks a request whole: the scenario exists, every parameter and setting is known, of its type and
	 * within its bounds.
	 * @throws LaunchRefused {@code unknown-scenario} or {@code bad-parameter}
	 */
	public Checked check(RunRequest request) throws LaunchRefused {
		return check(request, Params::parseJson);
	}

	/**
	 * {@link #check} for values given as text, as a URL's query gives them ({@code ?n=5&daemon=true}): the
	 * same bounds, each value read from its text.
	 */
	public Checked checkText(RunRequest request) throws LaunchRefused {
		return check(request, Params::parse);
	}

	private Checked check(RunRequest request, BiFunction<List<ParameterSpec>, Map<String, ?>, Params> parse)
			throws LaunchRefused {
		Scenario scenario = catalog.find(request.scenario())
			.orElseThrow(() -> LaunchRefused.unknownScenario(request.scenario()));
		try {
			return new Checked(scenario, parse.apply(scenario.parameters(), request.params()),
					parse.apply(settingSpecs, request.settings()));
		}
		catch (BadParameterException ex) {
			throw LaunchRefused.badParameter(ex);
		}
	}

	/**
	 * Asks for room for a checked run on behalf of {@code client} (an address). The run starts at once
	 * when it fits, or waits for its turn; {@code listener} hears which.
	 * @throws LaunchRefused {@code busy} when the queue, or the client's part of it, is full: then
	 *         nothing was started or queued
	 */
	public Pending launch(Checked request, String client, LaunchListener listener) throws LaunchRefused {
		Pending pending = new Pending(request.scenario(), request.params(), request.settings(), listener);
		pending.ticket = admission.enqueue(client,
				Amount.of(request.scenario().cost(request.params()), request.settings().flag("gil")), pending);
		return pending;
	}

	/**
	 * Asks for room for a run that is not ThreadLab's own — a listing under CPython — on behalf of
	 * {@code client}, in the same fair queue as ThreadLab's runs, by what it uses: {@code threads} of the
	 * server's, {@code processes} of the machine's, {@code cores} kept busy. It is admitted at once when it
	 * fits, or waits its turn; {@code listener} hears which.
	 * @throws LaunchRefused {@code busy} when the queue, or the client's part of it, is full: then nothing
	 *         was queued
	 */
	public Seat seat(String client, int threads, int processes, double cores, SeatListener listener) throws LaunchRefused {
		Seat seat = new Seat(listener);
		seat.ticket(admission.enqueue(client, new Amount(threads, processes, cores), seat));
		return seat;
	}

	/**
	 * A request the server took: waiting for its turn, then running. Thread-safety: {@link #cancel()}
	 * from any thread; the rest runs on the admission thread.
	 */
	public final class Pending implements Admission.Listener {

		private final Scenario scenario;

		private final Params params;

		private final Params settings;

		private final LaunchListener listener;

		private volatile Admission.Ticket ticket;

		/** Written before it starts, read by {@link #cancel()}: one of the two always sees the other. */
		private volatile Run run;

		private volatile boolean cancelled;

		private Pending(Scenario scenario, Params params, Params settings, LaunchListener listener) {
			this.scenario = scenario;
			this.params = params;
			this.settings = settings;
			this.listener = listener;
		}

		/** True while it waits for its turn. */
		public boolean isWaiting() {
			Admission.Ticket t = ticket;
			return run == null && !cancelled && (t == null || t.isWaiting());
		}

		/**
		 * Leaves the queue if still waiting (the listener hears nothing more), or cancels the run if it
		 * started (its events and end still come, as for any cancel).
		 */
		public void cancel() {
			cancelled = true;
			Admission.Ticket t = ticket;
			if (t != null) {
				t.withdraw();
			}
			Run r = run;
			if (r != null) {
				r.cancel();
			}
		}

		@Override
		public void queued(int position) {
			if (!cancelled) {
				listener.queued(position);
			}
		}

		@Override
		public void admitted(Admission.Ticket admitted) {
			if (cancelled) {
				admitted.release();
				return;
			}
			Run started = new Run(Run.Home.SERVER, RunClock.startingNow(settings.decimal("speed")), limits.traceCapacity());
			if (settings.flag("gil")) {
				started.useGil(settings.decimal("switchIntervalMs") / 1000,
						settings.flag("everyBytecode") ? Gil.Mode.EVERY_BYTECODE : Gil.Mode.BACK_EDGES_AND_CALLS);
			}
			PauseGate pause = new PauseGate(started.clock());
			if (settings.flag("paused")) {
				pause.pause(); // held at the first step: a challenge's threads move only when stepped
			}
			started.useGate(pause);
			started.useProcessPermits(admitted.permits());
			run = started;
			going.incrementAndGet();
			live.add(started);
			ScheduledFuture<?> timeLimit = clock.schedule(
					() -> started.cancel("stopped by the server after " + limits.maxSeconds() + " s, its limit for one run"),
					limits.maxSeconds(), TimeUnit.SECONDS);
			AtomicBoolean over = new AtomicBoolean();
			Runnable ended = () -> {
				if (over.compareAndSet(false, true)) {
					timeLimit.cancel(false);
					admitted.release();
					going.decrementAndGet();
					live.remove(started);
				}
			};
			started.outcome().whenComplete((outcome, error) -> {
				long at = System.nanoTime();
				ended.run();
				if (outcome != null) {
					events.publishEvent(new RunEnded(started.id(), scenario.id(), outcome, at));
				}
			});
			try {
				started.start(scenario.mainName(params), () -> scenario.run(params));
			}
			catch (RuntimeException | Error ex) {
				ended.run();
				if (!cancelled) {
					listener.failed("The server could not start the run: " + ex.getMessage());
				}
				return;
			}
			if (cancelled) {
				started.cancel(); // cancelled while it started: it ends at once, and nobody is told
				return;
			}
			listener.started(new Launched(started, scenario, params, settings, pause));
		}

	}

	/** Every run setting: speed, gil, switchIntervalMs, everyBytecode. */
	public List<ParameterSpec> settingSpecs() {
		return settingSpecs;
	}

	/** Runs going now. */
	public int going() {
		return going.get();
	}

	/** How full the server is now. */
	public Occupancy occupancy() {
		return admission.occupancy();
	}

	/** Ends every run going and waits for their ends, then lets go of this JVM's run folder. */
	@PreDestroy
	void stop() {
		clock.shutdownNow();
		admission.close();
		live.endAll(STOP_LIMIT);
		RunFolders.releaseIfEmpty();
	}

}
