package org.threadlab.scenario.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

class QueueScenarioTest {

	private static final String QUEUE = "detail_url_queue";

	private final Runs runs = Runs.of(new QueueScenario()).speed(20);

	private Trace run() throws Exception {
		Trace trace = runs.run(Map.of("urls", 16, "maxsize", 3, "consumers", 4, "listSeconds", 0.5, "detailSeconds", 1));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		return trace;
	}

	private static List<Event> of(Trace trace, EventKind kind) {
		return trace.events().stream().filter(e -> e.kind() == kind && QUEUE.equals(e.object())).toList();
	}

	@Test
	void theQueueNeverHoldsMoreThanMaxsize() throws Exception {
		Trace trace = run();
		List<Event> puts = of(trace, EventKind.PUT_DONE);
		assertThat(puts).hasSize(16);
		assertThat(puts).allSatisfy(e -> assertThat((Long) e.value()).isBetween(1L, 3L));
		assertThat(puts).anySatisfy(e -> assertThat(e.value()).as("it does fill up").isEqualTo(3L));
	}

	@Test
	void putWaitsWhileFullAndGetWhileEmpty() throws Exception {
		Trace trace = run();
		// A put that had to wait: someone else's GOT came between its PUT and its PUT_DONE.
		boolean putWaited = false;
		long openPut = -1;
		for (Event e : trace.events()) {
			if (e.kind() == EventKind.PUT) {
				openPut = e.seq();
			}
			if (e.kind() == EventKind.GOT && openPut >= 0) {
				putWaited = true;
			}
			if (e.kind() == EventKind.PUT_DONE) {
				openPut = -1;
			}
		}
		assertThat(putWaited).as("the producer waited on a full queue").isTrue();
		// Every consumer's first get waited: the producer puts nothing for its first half second.
		Event firstPut = of(trace, EventKind.PUT_DONE).get(0);
		for (Event got : of(trace, EventKind.GOT)) {
			assertThat(got.cause()).as("every item got came from a put").isNotNegative();
			assertThat(trace.bySeq(got.cause()).kind()).isEqualTo(EventKind.PUT_DONE);
			assertThat(got.seq()).isGreaterThan(firstPut.seq());
		}
	}

	@Test
	void joinReturnsWhenEveryItemIsDoneAndTheDaemonConsumersEndWithTheProcess() throws Exception {
		Trace trace = run();
		List<Event> done = of(trace, EventKind.TASK_DONE);
		assertThat(done).hasSize(16);
		assertThat(done.get(done.size() - 1).value()).isEqualTo(0L);
		Event joined = trace.first("main", EventKind.JOINED, e -> QUEUE.equals(e.object()));
		assertThat(joined.seq()).isGreaterThan(done.get(done.size() - 1).seq());
		Set<Object> fetched = new HashSet<>();
		trace.allPrints().stream().filter(p -> p.startsWith("get detail html end")).forEach(fetched::add);
		assertThat(fetched).hasSize(16);
		assertThat(trace.first("Thread-2 (get_detail_html)", EventKind.EXIT).value()).isEqualTo("cut off");
	}

}
