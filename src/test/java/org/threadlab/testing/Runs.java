package org.threadlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.threadlab.run.Gate;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.Scenario;

/** Runs a scenario to its end without the web, for tests; fluent, one run per instance. */
public final class Runs {

	private final Scenario scenario;

	private double speed = 10;

	private Gate gate;

	private Gil.Mode gilMode;

	private double gilInterval = 0.005;

	private Outcome outcome;

	private Runs(Scenario scenario) {
		this.scenario = scenario;
	}

	public static Runs of(Scenario scenario) {
		return new Runs(scenario);
	}

	public Runs speed(double speed) {
		this.speed = speed;
		return this;
	}

	public Runs gate(Gate gate) {
		this.gate = gate;
		return this;
	}

	public Runs gil(Gil.Mode mode, double intervalSeconds) {
		this.gilMode = mode;
		this.gilInterval = intervalSeconds;
		return this;
	}

	/** Runs with these parameters until the run has ended and all its threads with it. */
	public Trace run(Map<String, ?> values) throws Exception {
		Params params = Params.parse(scenario.parameters(), values);
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(speed), 2_000_000);
		if (gilMode != null) {
			run.useGil(gilInterval, gilMode);
		}
		run.useGate(gate);
		run.start(scenario.mainName(params), () -> scenario.run(params));
		outcome = awaitOutcome(run, Duration.ofSeconds(120));
		assertThat(run.awaitTermination(Duration.ofSeconds(10))).isTrue();
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).as("no thread of the run is left").isEmpty();
		return Trace.of(run.recorder());
	}

	/** Runs with these parameters as {@link #run(Map)} does, and fails unless the run completed. */
	public Trace completing(Map<String, ?> values) throws Exception {
		Trace trace = run(values);
		assertThat(outcome.status()).as("%s", outcome).isEqualTo(Outcome.Status.COMPLETED);
		return trace;
	}

	/** Runs a main program written in the test (not a scenario) at speed 10; fails unless it completes. */
	public static Trace completing(org.threadlab.run.RunBody body) throws Exception {
		return completing(10, null, body);
	}

	/**
	 * Runs a main program written in the test (not a scenario) at this speed, through this gate (null: none);
	 * fails unless it completes within a minute and all its threads end, and cancels it if it does not end.
	 */
	public static Trace completing(double speed, Gate gate, org.threadlab.run.RunBody body) throws Exception {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(speed), 200_000);
		run.useGate(gate);
		run.start("main", body);
		Outcome outcome = awaitOutcome(run, Duration.ofSeconds(60));
		assertThat(outcome.status()).as("%s", outcome).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(run.awaitTermination(Duration.ofSeconds(10))).isTrue();
		return Trace.of(run.recorder());
	}

	public Outcome outcome() {
		return outcome;
	}

	/**
	 * The run's outcome, waited for at most {@code limit}. A run not over by then, or whose test is
	 * interrupted meanwhile (JUnit's timeout interrupts the test's thread), is cancelled: nothing of it,
	 * no thread, no child process, may outlive the test.
	 */
	private static Outcome awaitOutcome(Run run, Duration limit) throws Exception {
		try {
			return run.outcome().get(limit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | InterruptedException ex) {
			run.cancel();
			throw ex;
		}
	}

}
