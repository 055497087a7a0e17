package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.DONE;
import static org.threadlab.event.EventKind.EXCEPTION;
import static org.threadlab.event.EventKind.PRINT;
import static org.threadlab.event.EventKind.PUT;
import static org.threadlab.event.EventKind.REPLY;
import static org.threadlab.event.EventKind.REQUEST;
import static org.threadlab.event.EventKind.RUNNING;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.run.Outcome;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §6.7.1's second program: a pool's tasks share a manager's queue; a plain process queue fails them silently. */
class ManagerQueueScenarioTest {

	private static final String REFUSED = "RuntimeError: Queue objects should only be shared between processes through inheritance";

	private final ManagerQueueScenario scenario = new ManagerQueueScenario();

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).as("no child process is left").isEmpty();
	}

	private Map<String, Object> variant(String name, double seconds) {
		Map<String, Object> values = new HashMap<>(scenario.variants().get(name));
		values.put("seconds", seconds);
		return values;
	}

	private static String nameOf(Trace trace, int actor) {
		return trace.actors().values().stream().filter(a -> a.id() == actor).findFirst().orElseThrow().name();
	}

	@Test
	void theManagersQueueCarriesTheItemFromOneWorkerProcessToTheOther() throws Exception {
		Runs runs = Runs.of(scenario).speed(10);
		Trace trace = runs.run(variant("tutorial", 1));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.allPrints()).containsExactly("a");

		Event printed = trace.events().stream().filter(e -> e.kind() == PRINT).findFirst().orElseThrow();
		String consumer = nameOf(trace, printed.actor());
		assertThat(consumer).as("printed in the worker process that ran consumer").startsWith("SpawnPoolWorker-");
		Event put = trace.events().stream()
			.filter(e -> e.kind() == REQUEST && String.valueOf(e.value()).startsWith("queue.put('a'"))
			.findFirst().orElseThrow(() -> new AssertionError("the producer never sent its put to the manager"));
		String producer = nameOf(trace, put.actor());
		// which worker takes which task is the pool's race (one worker may even run both, one after the other)
		assertThat(producer).startsWith("SpawnPoolWorker-");
		long manager = trace.pidOf("SyncManager-1");
		assertThat(List.of(trace.pidOf(producer), trace.pidOf(consumer)))
			.as("the workers are processes of their own, not the manager's nor the server's")
			.doesNotContain(manager, ProcessHandle.current().pid());

		Event get = trace.first(consumer, REQUEST, e -> String.valueOf(e.value()).startsWith("queue.get("));
		Event reply = trace.first(consumer, REPLY, e -> e.seq() > get.seq());
		assertThat(reply.value()).isEqualTo("'a'");
		ActorInfo serving = trace.actorIn("SyncManager-1", consumer);
		assertThat(trace.bySeq(reply.cause()).actor()).as("the reply crossed from the thread serving the consumer in the manager")
			.isEqualTo(serving.id());
	}

	@Test
	void aPlainQueueCannotCrossToATaskTheTasksNeverRunAndNothingIsPrinted() throws Exception {
		Runs runs = Runs.of(scenario).speed(10);
		Trace trace = runs.run(variant("plain-queue", 1));
		assertThat(runs.outcome().status()).as("no error reaches the learner").isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.allPrints()).isEmpty();
		assertThat(trace.events()).as("no task ran, nothing was put").noneMatch(e -> e.kind() == RUNNING)
			.noneMatch(e -> e.kind() == PUT && "queue".equals(e.object()));
		List<Event> failed = trace.events().stream().filter(e -> e.kind() == DONE).toList();
		assertThat(failed).hasSize(2).allSatisfy(done -> {
			assertThat(nameOf(trace, done.actor())).as("set by the task handler, which pickles tasks")
				.isEqualTo("Thread-2 (_handle_tasks)");
			assertThat(done.value()).isEqualTo("raised " + REFUSED);
		});
	}

	@Test
	void askedAfterJoinTheResultSaysItFailedAndGetRaisesTheError() throws Exception {
		Runs runs = Runs.of(scenario).speed(10);
		Trace trace = runs.run(variant("plain-queue-get", 1));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main")).containsExactly("ready: True successful: False", REFUSED);
		Event raised = trace.first("main", EXCEPTION);
		assertThat(trace.bySeq(raised.cause()).kind()).as("raised from the result the task handler set").isEqualTo(DONE);
	}

}
