package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.EXIT;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.childjvm.ChildLauncher;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/**
 * §6.3: the script's process forks a real child of its own; both print the line after the fork; the
 * child's parent is the script's process; an orphan is adopted and goes on.
 */
class ForkScenarioTest {

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).isEmpty();
	}

	private static ActorInfo child(Trace trace) {
		return trace.actors().values().stream().filter(a -> a.name().startsWith("child ")).findFirst().orElseThrow();
	}

	@Test
	void bothProcessesPrintTheLineAfterTheForkAndTheChildsParentIsTheScriptsProcess() throws Exception {
		Runs runs = Runs.of(new ForkScenario()).speed(10);
		Trace trace = runs.run(Map.of("sleepSeconds", 1));
		assertThat(runs.outcome().status()).as("%s", runs.outcome()).isEqualTo(Outcome.Status.COMPLETED);
		ActorInfo script = trace.actor("main");
		ActorInfo child = child(trace);
		assertThat(child.type()).isEqualTo(ActorInfo.Type.PROCESS);
		assertThat(child.pid()).as("two real processes").isPositive().isNotEqualTo(trace.pidOf("main"));
		assertThat(child.parent()).isEqualTo(script.id());

		List<String> parent = trace.printsOf("main");
		List<String> forked = trace.printsOf(child.name());
		assertThat(parent).containsExactly("bobby", "parent of " + child.pid());
		assertThat(forked).containsExactly("bobby", "child " + child.pid() + ", its parent is " + trace.pidOf("main"));
	}

	@Test
	void aForkHandsTheChildToAWarmSpareOnceTheServerKeepsOne() throws Exception {
		// the first fork lesson asks for a forking spare; from then on one is kept ready
		Runs.of(new ForkScenario()).speed(10).run(Map.of("sleepSeconds", 0));
		assertThat(ChildLauncher.awaitSpare(Duration.ofSeconds(60), true)).as("a forking spare got ready").isTrue();
		Runs runs = Runs.of(new ForkScenario()).speed(10);
		Trace trace = runs.run(Map.of("sleepSeconds", 0));
		assertThat(runs.outcome().status()).as("%s", runs.outcome()).isEqualTo(Outcome.Status.COMPLETED);
		ActorInfo child = child(trace);
		Map<?, ?> how = (Map<?, ?>) trace.first(child.name(), EventKind.STARTING).value();
		assertThat(how.get("spare")).as("the forked child was a spare of the script's process").isEqualTo(true);
		assertThat(trace.actor("main").type()).isEqualTo(ActorInfo.Type.PROCESS);
		assertThat(child.parent()).isEqualTo(trace.actor("main").id());
		assertThat(trace.printsOf(child.name())).containsExactly("bobby",
				"child " + child.pid() + ", its parent is " + trace.pidOf("main"));
	}

	@Test
	void aChildWhoseParentExitedIsAdoptedAndGoesOn() throws Exception {
		// at the tutorial's speed: the child's second of sleep is far longer than its parent takes to exit
		adoptedOnceItsParentExited(1);
	}

	@Test
	void atEverySpeedUpToAHundredTheOrphanIsAdoptedByItsNewParent() throws Exception {
		// The parent's exit is machinery (its JVM ending), shown at real time: the orphan's second of
		// sleep cannot end before its parent is gone, however fast the lesson's time runs otherwise.
		for (double speed : new double[] { 10, 50, 100 }) {
			for (int i = 0; i < 3; i++) {
				adoptedOnceItsParentExited(speed);
			}
		}
	}

	private static void adoptedOnceItsParentExited(double speed) throws Exception {
		Runs runs = Runs.of(new ForkScenario()).speed(speed);
		Trace trace = runs.run(Map.of("parentExitsFirst", true, "sleepSeconds", 1));
		assertThat(runs.outcome().status()).as("%s", runs.outcome()).isEqualTo(Outcome.Status.COMPLETED);
		ActorInfo script = trace.actor("main");
		ActorInfo child = child(trace);
		List<String> forked = trace.printsOf(child.name());
		assertThat(forked).as("%s", trace.events()).hasSize(3);
		assertThat(forked.get(1)).isEqualTo("child " + child.pid() + ", its parent is " + trace.pidOf("main"));
		String adopted = forked.get(2);
		assertThat(adopted).startsWith("child " + child.pid() + ", adopted by ");
		long newParent = Long.parseLong(adopted.substring(adopted.lastIndexOf(' ') + 1));
		assertThat(newParent).as("init or a subreaper, not the parent that exited, at speed %s", speed)
			.isNotEqualTo(trace.pidOf("main"));
		assertThat(trace.first("main", EXIT).seq()).as("the parent exited first")
			.isLessThan(trace.first(child.name(), EXIT).seq());
		assertThat(trace.first(child.name(), EXIT).value()).as("and the child exited normally").isNull();
	}

}
