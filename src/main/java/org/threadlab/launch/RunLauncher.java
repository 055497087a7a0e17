package org.threadlab.launch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Service;
import org.threadlab.run.Gil;
import org.threadlab.run.PauseGate;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.scenario.BadParameterException;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;

/**
 * Checks run requests and starts runs within the server's {@link RunLimits}. A request is checked
 * whole before anything is created, so a refused one starts no thread and no process. A run that
 * outlasts the time limit is cancelled, so a forgotten tab cannot hold a place for ever.
 * Thread-safe: any web thread may call it; the count of runs going is atomic.
 */
@Service
public class RunLauncher {

	private final ScenarioCatalog catalog;

	private final RunLimits limits;

	/** The settings every run takes besides its scenario's parameters. */
	private final List<ParameterSpec> settingSpecs;

	private final AtomicInteger going = new AtomicInteger();

	/** Cancels runs that outlast {@link RunLimits#maxSeconds()}; one thread for all runs. */
	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-run-limit");
		thread.setDaemon(true);
		return thread;
	});

	RunLauncher(ScenarioCatalog catalog, RunLimits limits) {
		this.catalog = catalog;
		this.limits = limits;
		this.settingSpecs = List.of(ParameterSpec.decimal("speed", 1, limits.minSpeed(), limits.maxSpeed()),
				ParameterSpec.flag("gil", true),
				ParameterSpec.decimal("switchIntervalMs", 5, 0.1, 100), ParameterSpec.flag("everyBytecode", false));
	}

	/** A run that has started, with the checked values it runs with. */
	public record Launched(Run run, Scenario scenario, Params params, Params settings, PauseGate pause) {
	}

	/** A request checked whole: its scenario, and its parameters and settings with the defaults filled in. */
	public record Checked(Scenario scenario, Params params, Params settings) {
	}

	/** Checks a request as a run's, without starting anything: for a run, a listing, a run in CPython. */
	public Checked check(RunRequest request) throws LaunchRefused {
		Scenario scenario = catalog.find(request.scenario())
			.orElseThrow(() -> LaunchRefused.unknownScenario(request.scenario()));
		try {
			return new Checked(scenario, Params.parse(scenario.parameters(), request.params()),
					Params.parse(settingSpecs, request.settings()));
		}
		catch (BadParameterException ex) {
			throw LaunchRefused.badParameter(ex);
		}
	}

	/** Starts the requested run, or refuses it with nothing started. */
	public Launched launch(RunRequest request) throws LaunchRefused {
		Checked checked = check(request);
		Scenario scenario = checked.scenario();
		Params params = checked.params();
		Params settings = checked.settings();
		if (going.incrementAndGet() > limits.maxConcurrent()) {
			going.decrementAndGet();
			throw new LaunchRefused("busy", "The server is running " + limits.maxConcurrent()
					+ " runs, its limit; try again when one has ended.", Map.of("limit", limits.maxConcurrent()));
		}
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(settings.decimal("speed")), limits.traceCapacity());
		if (settings.flag("gil")) {
			run.useGil(settings.decimal("switchIntervalMs") / 1000,
					settings.flag("everyBytecode") ? Gil.Mode.EVERY_BYTECODE : Gil.Mode.BACK_EDGES_AND_CALLS);
		}
		PauseGate pause = new PauseGate(run.clock());
		run.useGate(pause);
		ScheduledFuture<?> timeLimit = clock.schedule(
				() -> run.cancel("stopped by the server after " + limits.maxSeconds() + " s, its limit for one run"),
				limits.maxSeconds(), TimeUnit.SECONDS);
		run.outcome().whenComplete((outcome, error) -> {
			going.decrementAndGet();
			timeLimit.cancel(false);
		});
		try {
			run.start(scenario.mainName(params), () -> scenario.run(params));
		}
		catch (RuntimeException | Error ex) {
			going.decrementAndGet();
			throw ex;
		}
		return new Launched(run, scenario, params, settings, pause);
	}

	/** Every run setting: speed, gil, switchIntervalMs, everyBytecode. */
	public List<ParameterSpec> settingSpecs() {
		return settingSpecs;
	}

	@PreDestroy
	void stop() {
		clock.shutdownNow();
	}

	/** Runs going now. */
	public int going() {
		return going.get();
	}


}
