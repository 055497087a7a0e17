package org.threadlab.scenario.gil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.READ;
import static org.threadlab.event.EventKind.WRITE;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.testing.Runs;
import org.threadlab.testing.ScriptedOrder;
import org.threadlab.testing.Step;
import org.threadlab.testing.Trace;

class GilRaceScenarioTest {

	private static final String ADD = "Thread-1 (add)";

	private static final String DESC = "Thread-2 (desc)";

	private static Step step(String actor, EventKind kind) {
		return new Step(actor, kind, "total");
	}

	@Test
	void aSwitchBetweenAReadAndItsWriteLosesAnUpdateAndItIsCountedExactly() throws Exception {
		// The bad interleaving, forced: both read 0, add writes 1, desc writes -1 over it. Then in turn.
		// Only a GIL that may switch between bytecodes (CPython 3.9 and older) allows it: a thread held
		// between its read and its write keeps the GIL where the emulated Python has no switch point.
		ScriptedOrder order = new ScriptedOrder(List.of(step(ADD, READ), step(DESC, READ), step(ADD, WRITE),
				step(DESC, WRITE), step(ADD, READ), step(ADD, WRITE), step(DESC, READ), step(DESC, WRITE)));
		Runs runs = Runs.of(new GilRaceScenario()).gate(order).gil(Gil.Mode.EVERY_BYTECODE, 0.005);
		Trace trace = runs.run(Map.of("n", 2));

		assertThat(order.finished()).isTrue();
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main")).containsExactly("-1", "lost updates: 1");
		// with a small count every read and write is drawn, with the value read or written
		List<Object> steps = trace.events()
			.stream()
			.filter(e -> (e.kind() == READ || e.kind() == WRITE) && "total".equals(e.object()))
			.map(e -> e.kind() + " " + e.value())
			.map(Object.class::cast)
			.toList();
		assertThat(steps).containsExactly("READ 0", "READ 0", "WRITE 1", "WRITE -1", "READ -1", "WRITE 0", "READ 0",
				"WRITE -1", "READ -1"); // the last read is main's print(total)
	}

	@Test
	void underTheGilOfCPython310NoUpdateIsLostBecauseThreadsSwitchOnlyAtBackEdges() throws Exception {
		Runs runs = Runs.of(new GilRaceScenario()).speed(1).gil(Gil.Mode.BACK_EDGES_AND_CALLS, 0.001);
		Trace trace = runs.run(Map.of("n", 200_000));
		assertThat(trace.printsOf("main")).containsExactly("0", "lost updates: 0");
		long switches = trace.events().stream().filter(e -> e.kind() == EventKind.GIL_TAKEN).count();
		assertThat(switches).as("the threads did take turns").isGreaterThan(2);
	}

	@Test
	void aMillionStepsAreDrawnAsSegmentsAndSamplesNotOneByOne() throws Exception {
		Runs runs = Runs.of(new GilRaceScenario()).speed(1).gil(Gil.Mode.EVERY_BYTECODE, 0.005);
		Trace trace = runs.run(Map.of("n", 1_000_000));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.events().size()).as("far fewer events than steps").isLessThan(100_000);
		List<Event> samples = trace.events().stream().filter(e -> e.kind() == WRITE).toList();
		assertThat(samples).as("the value of total, sampled over time").isNotEmpty();
		String lost = trace.printsOf("main").get(1);
		assertThat(lost).startsWith("lost updates: ");
		long total = Long.parseLong(trace.printsOf("main").get(0));
		assertThat(Math.abs(total)).as("each lost update moves the total by one at most")
			.isLessThanOrEqualTo(Long.parseLong(lost.substring("lost updates: ".length())));
	}

}
