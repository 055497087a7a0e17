package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.threadlab.event.Event;
import org.threadlab.run.Gate;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.Scenario;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Trace;

/** Runs a process scenario until an event shows it is under way, cancels it, and checks that nothing outlives it. */
final class CancelledRuns {

	private CancelledRuns() {
	}

	static void cancelOnce(Scenario scenario, Map<String, ?> values, Predicate<Event> underWay) throws Exception {
		cancelOnce(scenario, values, underWay, null);
	}

	/** The same, the run's steps passing {@code gate} (one that holds main keeps the run from ending first). */
	static void cancelOnce(Scenario scenario, Map<String, ?> values, Predicate<Event> underWay, Gate gate)
			throws Exception {
		Params params = Params.parse(scenario.parameters(), values);
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 100_000);
		run.useGate(gate);
		run.start(scenario.mainName(params), () -> scenario.run(params));
		Eventually.within(Duration.ofSeconds(60))
			.until("the run to get under way", () -> Trace.of(run.recorder()).events().stream().anyMatch(underWay));
		run.cancel();
		Outcome outcome = run.outcome().get(30, TimeUnit.SECONDS);
		assertThat(outcome.status()).isEqualTo(Outcome.Status.CANCELLED);
		assertThat(run.awaitTermination(Duration.ofSeconds(10))).isTrue();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).as("no child process outlives its run").isEmpty();
		Trace trace = Trace.of(run.recorder());
		trace.actors().values().stream()
			.filter(a -> a.type() == org.threadlab.event.ActorInfo.Type.PROCESS && trace.events().stream()
				.anyMatch(e -> e.actor() == a.id() && e.kind() == org.threadlab.event.EventKind.START))
			.forEach(a -> assertThat(trace.of(a.name()).stream().anyMatch(e -> e.kind() == org.threadlab.event.EventKind.EXIT))
				.as("%s's end is recorded", a.name())
				.isTrue());
	}

}
