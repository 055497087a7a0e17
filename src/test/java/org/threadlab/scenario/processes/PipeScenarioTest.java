package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.EXIT;
import static org.threadlab.event.EventKind.GET;
import static org.threadlab.event.EventKind.GOT;
import static org.threadlab.event.EventKind.JOINED;
import static org.threadlab.event.EventKind.PRINT;
import static org.threadlab.event.EventKind.PUT;
import static org.threadlab.event.EventKind.STARTING;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.Gate;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §6.7.2: two processes over a Pipe. */
class PipeScenarioTest {

	private final PipeScenario scenario = new PipeScenario();

	@AfterEach
	void noChildProcessIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).isEmpty();
	}

	/** Runs the lesson to its end: a child's error ends that child, never the run. */
	private Trace run(Map<String, ?> values) throws Exception {
		return Runs.of(scenario).speed(10).completing(values);
	}

	@Test
	void bobbyCrossesFromTheProducersProcessToTheConsumers() throws Exception {
		Trace trace = run(scenario.variants().get("tutorial"));
		assertThat(trace.printsOf("Process-2")).containsExactly("bobby");
		assertThat(Set.of(trace.pidOf("Process-1"), trace.pidOf("Process-2"), ProcessHandle.current().pid())).hasSize(3);
		Event sent = trace.first("Process-1", PUT);
		assertThat(sent.object()).isEqualTo("send_pipe");
		Event got = trace.first("Process-2", GOT);
		assertThat(got.object()).isEqualTo("receive_pipe");
		assertThat(got.cause()).as("the timeline draws it crossing").isEqualTo(sent.seq());
	}

	@Test
	void aDuplexPipesFirstEndSendsTooTheAnswerCrossesBack() throws Exception {
		Trace trace = run(scenario.variants().get("both-ways"));
		assertThat(trace.printsOf("Process-2")).containsExactly("bobby");
		assertThat(trace.printsOf("Process-1")).containsExactly("got bobby");
		Event answer = trace.first("Process-2", PUT);
		assertThat(answer.object()).as("sent on the end named receive_pipe").isEqualTo("receive_pipe");
		Event received = trace.first("Process-1", GOT);
		assertThat(received.object()).isEqualTo("send_pipe");
		assertThat(received.cause()).isEqualTo(answer.seq());
		assertThat(trace.storyOf("Process-1")).containsSubsequence(PUT, GET, GOT, PRINT);
	}

	@Test
	void aOneWayPipeCarriesBobbyToo() throws Exception {
		Trace trace = run(scenario.variants().get("one-way"));
		assertThat(trace.printsOf("Process-2")).containsExactly("bobby");
	}

	@Test
	void aOneWayPipesFirstEndCannotSendTheConsumerRaisesAsInCpython() throws Exception {
		Trace trace = run(Map.of("duplex", false, "reply", true));
		assertThat(trace.first("Process-2", EXIT).value()).isEqualTo("error: OSError: connection is read-only");
		assertThat(trace.first("Process-1", EXIT).value()).isEqualTo("error: OSError: connection is write-only");
		assertThat(trace.first("main", JOINED, e -> "Process-2".equals(e.object())).value()).isEqualTo("exit code 1");
	}

	@Test
	void aCancelledRunLeavesNoProcessBehind() throws Exception {
		// a pipe's processes end in an instant: main is held at its first join, so the cancel comes first
		Gate holdMainAtJoin = new Gate() {

			@Override
			public boolean holds(Actor actor, EventKind kind, String object) {
				return actor.name().equals("main") && kind == EventKind.JOIN;
			}

			@Override
			public void pass(Actor actor, EventKind kind, String object) throws InterruptedException {
				new CountDownLatch(1).await(20, TimeUnit.SECONDS); // until the cancel interrupts it
			}

		};
		CancelledRuns.cancelOnce(scenario, scenario.variants().get("tutorial"), e -> e.kind() == STARTING, holdMainAtJoin);
	}

}
