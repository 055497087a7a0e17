package org.threadlab.multiprocessing.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.threadlab.event.EventKind.DONE;
import static org.threadlab.event.EventKind.EXCEPTION;
import static org.threadlab.event.EventKind.GOT;
import static org.threadlab.event.EventKind.PUT_DONE;
import static org.threadlab.event.EventKind.RESULT;
import static org.threadlab.event.EventKind.RUNNING;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.futures.ExecutorPrograms;
import org.threadlab.ipc.ProcessQueue;
import org.threadlab.probe.Py;
import org.threadlab.builtins.PyErrors;
import org.threadlab.builtins.PyException;
import org.threadlab.run.RunBody;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;
import org.threadlab.builtins.MpTimeoutError;

/** multiprocessing.Pool on real worker processes, as CPython 3.11 behaves, told by the recorded events. */
class PoolTest {

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).isEmpty();
	}

	private static Trace run(double speed, RunBody main) throws Exception {
		return Runs.completing(speed, null, main);
	}

	@Test
	void workersAreRealProcessesReusedTaskAfterTaskAndTheResultComesBack() throws Exception {
		List<Object> seen = new ArrayList<>();
		Trace trace = run(20, () -> {
			Pool pool = new Pool(2);
			List<AsyncResult<Long>> results = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				results.add(pool.applyAsync("who_am_i()", PoolPrograms.whoAmI()));
			}
			AsyncResult<Long> slow = pool.applyAsync("get_html(1)", PoolPrograms.getHtmlCall(1));
			seen.add(slow.ready());
			pool.close();
			pool.join();
			seen.add(slow.ready());
			seen.add(slow.successful());
			seen.add(slow.get());
			for (AsyncResult<Long> r : results) {
				seen.add(r.get());
			}
			seen.add(pool.workers().stream().map(p -> p.pid()).toList());
		});
		assertThat(seen.subList(0, 4)).containsExactly(false, true, true, 1L);
		@SuppressWarnings("unchecked")
		List<Long> workers = (List<Long>) seen.get(seen.size() - 1);
		assertThat(workers).hasSize(2).doesNotHaveDuplicates().doesNotContain(ProcessHandle.current().pid());
		assertThat(seen.subList(4, 8)).as("each task ran in one of the two workers").allMatch(workers::contains);

		assertThat(trace.actor("SpawnPoolWorker-1").type()).isEqualTo(ActorInfo.Type.PROCESS);
		assertThat(trace.actor("SpawnPoolWorker-2").daemon()).isTrue();
		assertThat(trace.actors()).containsKeys("Thread-1 (_handle_workers)", "Thread-2 (_handle_tasks)",
				"Thread-3 (_handle_results)");
		// the slow task is drawn in the worker that ran it: it took the task, ran it, printed, sent it back
		Event running = trace.events().stream().filter(e -> e.kind() == RUNNING && "AsyncResult-4".equals(e.object()))
			.findFirst().orElseThrow();
		String ranIt = trace.actors().values().stream().filter(a -> a.id() == running.actor()).findFirst().orElseThrow().name();
		assertThat(ranIt).startsWith("SpawnPoolWorker-");
		assertThat(trace.printsOf(ranIt)).contains("sub_progress success");
		Event done = trace.first("Thread-3 (_handle_results)", DONE, e -> "AsyncResult-4".equals(e.object()));
		assertThat(done.value()).isEqualTo("1");
		Event result = trace.first("main", RESULT, e -> "AsyncResult-4".equals(e.object()));
		assertThat(result.cause()).isEqualTo(done.seq());
		// the result crossed: the handler's GOT on _outqueue is caused by the worker's PUT_DONE
		Event got = trace.first("Thread-3 (_handle_results)", GOT, e -> String.valueOf(e.value()).startsWith("(4, 0,"));
		assertThat(trace.bySeq(got.cause()).kind()).isEqualTo(PUT_DONE);
		assertThat(trace.bySeq(got.cause()).actor()).isEqualTo(running.actor());
	}

	@Test
	void whatATaskRaisesComesBackFromGet() throws Exception {
		List<String> seen = new ArrayList<>();
		Trace trace = run(20, () -> {
			Pool pool = new Pool(1);
			AsyncResult<Long> result = pool.applyAsync("fail()", PoolPrograms.raising("boom"));
			try {
				result.get();
			}
			catch (PyException raised) {
				seen.add(PyErrors.describe(raised));
			}
			seen.add(String.valueOf(result.successful()));
			pool.terminate();
		});
		assertThat(seen).containsExactly("ValueError: boom", "false");
		assertThat(trace.first("main", EXCEPTION).value()).isEqualTo("ValueError: boom");
	}

	@Test
	void aPlainProcessQueueInATaskIsRefusedSilentlyAndItsErrorWaitsInTheResult() throws Exception {
		List<String> seen = new ArrayList<>();
		Trace trace = run(20, () -> {
			ProcessQueue queue = new ProcessQueue("queue", 10);
			Pool pool = new Pool(1);
			AsyncResult<Object> result = pool.applyAsync("producer(queue)", ExecutorPrograms.producer(queue));
			pool.close();
			pool.join();
			seen.add(String.valueOf(result.ready()));
			try {
				result.get();
			}
			catch (PyException raised) {
				seen.add(PyErrors.describe(raised));
			}
		});
		assertThat(seen).containsExactly("true",
				"RuntimeError: Queue objects should only be shared between processes through inheritance");
		assertThat(trace.allPrints()).as("the task never ran").isEmpty();
		assertThat(trace.first("Thread-2 (_handle_tasks)", DONE).value())
			.isEqualTo("raised RuntimeError: Queue objects should only be shared between processes through inheritance");
	}

	@Test
	void joinWhileRunningIsRefusedAndSuccessfulBeforeReadyToo() throws Exception {
		List<String> seen = new ArrayList<>();
		run(2, () -> { // timeouts are timers: at speed 2, get(30) waits 15 s of real time at most
			Pool pool = new Pool(1);
			AsyncResult<Long> result = pool.applyAsync("get_html(1)", PoolPrograms.getHtmlCall(1));
			assertThatThrownBy(pool::join).isInstanceOf(PyException.class).hasMessage("Pool is still running");
			try {
				result.successful();
			}
			catch (PyException notReady) {
				seen.add(PyErrors.describe(notReady).replaceAll("0x[0-9a-f]+", "0x…"));
			}
			try {
				result.get(0.1);
			}
			catch (MpTimeoutError timedOut) {
				seen.add(PyErrors.describe(timedOut));
			}
			seen.add(String.valueOf(result.get(30)));
			pool.terminate();
			pool.join();
		});
		assertThat(seen).containsExactly("ValueError: <multiprocessing.pool.ApplyResult object at 0x…> not ready",
				"multiprocessing.context.TimeoutError", "1");
	}

	@Test
	void imapHandsResultsOutInOrderAndImapUnorderedAsTheyFinish() throws Exception {
		List<Long> ordered = new ArrayList<>();
		List<Long> unordered = new ArrayList<>();
		List<Long> mapped = new ArrayList<>();
		run(10, () -> {
			Pool pool = new Pool(2);
			for (long r : pool.imap("get_html", PoolPrograms::getHtml, List.of(1L, 5L, 3L))) {
				ordered.add(r);
			}
			for (long r : pool.imapUnordered("get_html", PoolPrograms::getHtml, List.of(1L, 5L, 3L))) {
				unordered.add(r);
			}
			mapped.addAll(pool.map("get_html", PoolPrograms::getHtml, List.of(2L, 1L)));
			pool.close();
			pool.join();
			Py.print("done");
		});
		assertThat(ordered).containsExactly(1L, 5L, 3L);
		assertThat(unordered).containsExactly(1L, 3L, 5L);
		assertThat(mapped).containsExactly(2L, 1L);
	}

}
