package org.threadlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.EventKind;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/**
 * The server admits a run by the cost its scenario declares, so no scenario may declare less than its
 * run really starts: each is run with its largest counts and shortest times, in every combination of
 * its flags, and the threads and processes it started are counted from its trace (started over the
 * whole run: never fewer than were alive at once).
 */
class RunCostTest {

	private static final long SERVER = ProcessHandle.current().pid();

	@TestFactory
	List<DynamicTest> everyScenarioDeclaresAtLeastWhatItsRunStarts() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Scenario scenario : new ScenarioCatalog().all()) {
			for (Map<String, Object> values : largest(scenario.parameters())) {
				tests.add(DynamicTest.dynamicTest(scenario.id() + " " + values, () -> {
					RunCost declared = scenario.cost(Params.parse(scenario.parameters(), values));
					Trace trace = Runs.of(scenario).speed(100).run(values);
					List<ActorInfo> spawned = trace.events()
						.stream()
						.filter(e -> e.kind() == EventKind.SPAWN && e.value() instanceof ActorInfo)
						.map(e -> (ActorInfo) e.value())
						.toList();
					long processes = spawned.stream().filter(a -> a.type() == ActorInfo.Type.PROCESS).count();
					long serverThreads = spawned.stream()
						.filter(a -> a.type() == ActorInfo.Type.THREAD && a.pid() == SERVER)
						.count() + processes; // each child process has a pipe reader in the server
					assertThat(declared.threads()).as("server threads").isGreaterThanOrEqualTo((int) serverThreads);
					assertThat(declared.processes()).as("child processes").isGreaterThanOrEqualTo((int) processes);
				}));
			}
		}
		return tests;
	}

	@Test
	void aLongLoopComputesAndAShortOneOrASleepDoesNot() {
		ScenarioCatalog catalog = new ScenarioCatalog();
		Scenario race = catalog.find("gil-race").orElseThrow();
		assertThat(race.cost(Params.parse(race.parameters(), Map.of("n", 5_000_000))).cores(false)).isEqualTo(2);
		assertThat(race.cost(Params.parse(race.parameters(), Map.of("n", 5_000_000))).cores(true)).isEqualTo(1);
		assertThat(race.cost(Params.parse(race.parameters(), Map.of("n", 5))).cores(false)).isZero();
		Scenario sleeping = catalog.find("thread-target").orElseThrow();
		assertThat(sleeping.cost(Params.defaults(sleeping.parameters()))).isEqualTo(RunCost.waiting(3));
		assertThat(sleeping.cost(Params.parse(sleeping.parameters(), Map.of("daemon", true))).processes()).isEqualTo(1);
	}

	/**
	 * Values with every count at its largest and every time at its shortest, once for each combination
	 * of flags. A loop's length (a number above a thousand) stays small: it starts no more threads.
	 */
	private static List<Map<String, Object>> largest(List<ParameterSpec> specs) {
		Map<String, Object> base = new HashMap<>();
		List<String> flags = new ArrayList<>();
		for (ParameterSpec spec : specs) {
			switch (spec.type()) {
				case INTEGER -> base.put(spec.name(), (long) (spec.max() > 1000 ? spec.min() : spec.max()));
				case DECIMAL -> base.put(spec.name(), spec.min());
				case BOOLEAN -> flags.add(spec.name());
			}
		}
		List<Map<String, Object>> all = new ArrayList<>();
		for (int combination = 0; combination < 1 << flags.size(); combination++) {
			Map<String, Object> values = new HashMap<>(base);
			for (int f = 0; f < flags.size(); f++) {
				values.put(flags.get(f), (combination & (1 << f)) != 0);
			}
			all.add(values);
		}
		return all;
	}

}
