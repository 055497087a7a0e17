package org.threadlab.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.CANCEL;
import static org.threadlab.event.EventKind.DONE;
import static org.threadlab.event.EventKind.GOT;
import static org.threadlab.event.EventKind.RUNNING;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.ipc.ProcessQueue;
import org.threadlab.probe.Py;
import org.threadlab.builtins.PyErrors;
import org.threadlab.builtins.PyException;
import org.threadlab.run.RunBody;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** ProcessPoolExecutor on real worker processes, with the thread pool's futures, as CPython 3.11 behaves. */
class ProcessPoolExecutorTest {

	private final List<Object> seen = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).isEmpty();
	}

	private static Trace run(double speed, RunBody main) throws Exception {
		return Runs.completing(speed, null, main);
	}

	@Test
	void workersStartOnDemandAreReusedAndTheirFuturesWorkWithAsCompletedAndMap() throws Exception {
		Trace trace = run(20, () -> {
			try (var executor = new ProcessPoolExecutor(2)) {
				List<TracedFuture<Long>> futures = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					futures.add(executor.submit("pid_after(0.2)", ExecutorPrograms.sleepThenTellPid(0.2)));
				}
				List<Long> pids = new ArrayList<>();
				for (TracedFuture<Long> done : Futures.asCompleted(futures)) {
					pids.add(done.result());
				}
				seen.add(pids);
				seen.add(executor.workers().stream().map(p -> p.pid()).toList());
				Iterator<Long> squares = executor.map(n -> "square(" + n + ")", ExecutorPrograms::square, List.of(3L, 1L, 2L));
				List<Long> mapped = new ArrayList<>();
				squares.forEachRemaining(mapped::add);
				seen.add(mapped);
			}
		});
		@SuppressWarnings("unchecked")
		List<Long> pids = (List<Long>) seen.get(0);
		@SuppressWarnings("unchecked")
		List<Long> workers = (List<Long>) seen.get(1);
		assertThat(workers).as("never more than max_workers").hasSize(2).doesNotHaveDuplicates()
			.doesNotContain(ProcessHandle.current().pid());
		assertThat(pids).as("six tasks, each run by one of the two workers").hasSize(6).allMatch(workers::contains);
		assertThat(seen.get(2)).isEqualTo(List.of(9L, 1L, 4L));

		assertThat(trace.actor("SpawnProcess-1").type()).isEqualTo(ActorInfo.Type.PROCESS);
		assertThat(trace.actor("SpawnProcess-2").daemon()).isFalse();
		assertThat(trace.actor("Thread-1").type()).as("the executor manager thread").isEqualTo(ActorInfo.Type.THREAD);
		// the manager sets each future, from the result a worker sent back over the result queue
		Event done = trace.first("Thread-1", DONE);
		Event got = trace.first("Thread-1", GOT, e -> "_result_queue".equals(e.object()));
		assertThat(got.seq()).isLessThan(done.seq());
		assertThat(trace.bySeq(got.cause()).actor()).isIn(trace.actor("SpawnProcess-1").id(), trace.actor("SpawnProcess-2").id());
	}

	@Test
	void aFutureIsRunningOnceItsItemIsInTheCallQueueThoughNoWorkerHasTakenIt() throws Exception {
		Trace trace = run(10, () -> {
			try (var executor = new ProcessPoolExecutor(1)) { // the call queue holds 1 + 1 items
				TracedFuture<Long> first = executor.submit("slow", ExecutorPrograms.sleepThenTellPid(3));
				TracedFuture<Long> second = executor.submit("second", ExecutorPrograms.sleepThenTellPid(0.1));
				TracedFuture<Long> third = executor.submit("third", ExecutorPrograms.sleepThenTellPid(0.1));
				TracedFuture<Long> fourth = executor.submit("fourth", ExecutorPrograms.sleepThenTellPid(0.1));
				while (!second.running()) {
					Py.sleep(0.01); // until the manager has put it on the call queue
				}
				seen.add(second.cancel());
				seen.add(fourth.cancel());
				seen.add(first.result() > 0);
				seen.add(third.result() > 0);
			}
		});
		assertThat(seen).containsExactly(false, true, true, true);
		Event refused = trace.first("main", CANCEL, e -> "process-future-1".equals(e.object()));
		// no worker had taken it: the only one was still running the first
		assertThat(trace.events().stream()
			.filter(e -> e.kind() == GOT && "_call_queue".equals(e.object()) && String.valueOf(e.value()).contains("second"))
			.findFirst().orElseThrow().seq()).isGreaterThan(refused.seq());
		assertThat(trace.first("Thread-1", RUNNING, e -> "process-future-1".equals(e.object())).seq())
			.isLessThan(refused.seq());
	}

	@Test
	void whatATaskRaisesIsRaisedByResultAndACallThatCannotBePickledNeverRuns() throws Exception {
		Trace trace = run(20, () -> {
			ProcessQueue queue = new ProcessQueue("queue", 10);
			try (var executor = new ProcessPoolExecutor(1)) {
				TracedFuture<Long> raising = executor.submit("fail()", ExecutorPrograms.raising("boom"));
				TracedFuture<Object> refused = executor.submit("producer(queue)", ExecutorPrograms.producer(queue));
				for (TracedFuture<?> future : List.of(raising, refused)) {
					try {
						future.result();
					}
					catch (PyException raised) {
						seen.add(PyErrors.describe(raised));
					}
				}
			}
		});
		assertThat(seen).containsExactly("ValueError: boom",
				"RuntimeError: Queue objects should only be shared between processes through inheritance");
		assertThat(trace.allPrints()).as("the producer never ran").isEmpty();
	}

	@Test
	void shutdownWithCancelFuturesCancelsWhatHasNotStartedAndNoNewWorkIsTaken() throws Exception {
		run(10, () -> {
			var executor = new ProcessPoolExecutor(1);
			List<TracedFuture<Long>> futures = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				futures.add(executor.submit("task", ExecutorPrograms.sleepThenTellPid(1)));
			}
			while (!futures.get(0).running()) {
				Py.sleep(0.01);
			}
			executor.shutdown(true, true);
			seen.add(futures.stream().map(f -> f.state().name()).toList());
			try {
				executor.submit("late", ExecutorPrograms.sleepThenTellPid(0));
			}
			catch (PyException refused) {
				seen.add(PyErrors.describe(refused));
			}
		});
		@SuppressWarnings("unchecked")
		List<String> states = (List<String>) seen.get(0);
		// the items on the call queue (it holds 2) were running and finish; those still pending are cancelled
		assertThat(states.get(0)).isEqualTo("FINISHED");
		assertThat(states.get(1)).as("on the call queue if the manager had moved it there").isIn("FINISHED", "CANCELLED");
		assertThat(states.subList(2, 5)).containsOnly("CANCELLED");
		assertThat(seen.get(1)).isEqualTo("RuntimeError: cannot schedule new futures after shutdown");
	}

	@Test
	void aWorkerThatDiesBreaksThePoolItsFutureRaisesBrokenProcessPoolAndNoNewWorkIsTaken() throws Exception {
		run(10, () -> {
			var executor = new ProcessPoolExecutor(1);
			TracedFuture<Long> dying = executor.submit("os._exit(1)", ExecutorPrograms.dying());
			try {
				dying.result();
				seen.add("no exception");
			}
			catch (PyException raised) {
				seen.add(PyErrors.describe(raised));
			}
			// the pool is marked broken before any future is told: a submit now is refused
			try {
				executor.submit("late", ExecutorPrograms.sleepThenTellPid(0));
			}
			catch (PyException refused) {
				seen.add(PyErrors.describe(refused));
			}
			executor.shutdown(true, false);
		});
		assertThat(seen).containsExactly(
				"concurrent.futures.process.BrokenProcessPool: A process in the process pool was terminated abruptly"
						+ " while the future was running or pending.",
				"concurrent.futures.process.BrokenProcessPool: A child process terminated abruptly, the process pool is"
						+ " not usable anymore");
	}

}
