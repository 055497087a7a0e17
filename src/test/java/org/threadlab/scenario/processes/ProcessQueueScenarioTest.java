package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.GET;
import static org.threadlab.event.EventKind.GOT;
import static org.threadlab.event.EventKind.PRINT;
import static org.threadlab.event.EventKind.PUT;
import static org.threadlab.event.EventKind.PUT_DONE;
import static org.threadlab.event.EventKind.SLEEP;
import static org.threadlab.event.EventKind.WAKE;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §6.7.1: a producer process and a consumer process over a multiprocessing.Queue. */
class ProcessQueueScenarioTest {

	private final ProcessQueueScenario scenario = new ProcessQueueScenario();

	@AfterEach
	void noChildProcessIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).isEmpty();
	}

	private Trace run(String variant) throws Exception {
		return Runs.of(scenario).speed(10).completing(scenario.variants().get(variant));
	}

	@Test
	void theItemCrossesFromTheProducersProcessToTheConsumers() throws Exception {
		Trace trace = run("tutorial");
		assertThat(trace.printsOf("Process-2")).containsExactly("a");
		long producer = trace.pidOf("Process-1");
		long consumer = trace.pidOf("Process-2");
		assertThat(Set.of(producer, consumer, ProcessHandle.current().pid())).as("two processes of their own").hasSize(3);
		Event put = trace.first("Process-1", PUT_DONE);
		Event got = trace.first("Process-2", GOT);
		assertThat(got.value()).isEqualTo("'a'");
		assertThat(got.cause()).as("the consumer's get names the producer's put: the timeline draws it crossing")
			.isEqualTo(put.seq());
		assertThat(trace.storyOf("Process-2")).as("the tutorial's consumer sleeps, then gets")
			.containsSubsequence(SLEEP, WAKE, GET, GOT, PRINT);
	}

	@Test
	void withoutItsSleepTheConsumerStillGetsTheItemGetWaitsForIt() throws Exception {
		Trace trace = run("no-sleep");
		assertThat(trace.printsOf("Process-2")).containsExactly("a");
		assertThat(trace.storyOf("Process-2")).doesNotContain(SLEEP).containsSubsequence(GET, GOT, PRINT);
		assertThat(trace.first("Process-2", GOT).cause()).isEqualTo(trace.first("Process-1", PUT_DONE).seq());
		assertThat(trace.first("Process-2", GOT).seq()).isGreaterThan(trace.first("Process-1", PUT).seq());
	}

	@Test
	void eachProcessHasItsOwnGlobalsOnlyTheQueueCrosses() throws Exception {
		Trace trace = run("globals");
		assertThat(trace.printsOf("Process-2")).as("the producer's append is not in the consumer's list").containsExactly("a []");
		assertThat(trace.printsOf("main")).containsExactly("main sees []");
	}

	@Test
	void theQueueHoldsTheItemWhileTheConsumerSleeps() throws Exception {
		Trace trace = Runs.of(scenario).speed(10).completing(Map.of("seconds", 1.0));
		Event put = trace.first("Process-1", PUT_DONE);
		Event got = trace.first("Process-2", GOT);
		assertThat(put.value()).as("one item in the queue after the put").isEqualTo(1L);
		assertThat(got.timeNs()).isGreaterThan(put.timeNs());
	}

	@Test
	void aCancelledRunLeavesNoProcessBehind() throws Exception {
		CancelledRuns.cancelOnce(scenario, Map.of("seconds", 10.0), e -> e.kind() == SLEEP);
	}

}
