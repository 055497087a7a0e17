package org.threadlab.futures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.probe.Py;
import org.threadlab.builtins.PyRuntimeError;
import org.threadlab.builtins.PyTimeoutError;
import org.threadlab.run.RunBody;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.builtins.PyCallable;

/** Futures and the pool keep Python's promises: callbacks, timeouts, shutdown. */
class FuturesTest {

	private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void nothingIsLeftRunning() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
	}

	private void run(RunBody body) throws Exception {
		Runs.completing(body);
	}

	private static PyCallable<Long> sleeping(double seconds, long value) {
		return () -> {
			Py.sleep(seconds);
			return value;
		};
	}

	@Test
	void aDoneCallbackRunsWhenTheFutureIsDoneOrAtOnceIfItAlreadyIs() throws Exception {
		run(() -> {
			try (var executor = new TracedExecutor(1)) {
				TracedFuture<Long> future = executor.submit("f", sleeping(0.5, 7));
				future.addDoneCallback(f -> seen.add("callback after: " + f.state()));
				seen.add("result " + future.result());
				future.addDoneCallback(f -> seen.add("callback at once: " + f.state()));
			}
		});
		// as in CPython, the worker runs the callback after waking the waiters: either may go first
		assertThat(seen).containsExactlyInAnyOrder("callback after: FINISHED", "result 7", "callback at once: FINISHED");
		assertThat(seen.indexOf("result 7")).isLessThan(seen.indexOf("callback at once: FINISHED"));
	}

	@Test
	void resultWithATimeoutRaisesWhenNotDoneAndExceptionReturnsWhatWasRaised() throws Exception {
		run(() -> {
			try (var executor = new TracedExecutor(2)) {
				TracedFuture<Long> slow = executor.submit("slow", sleeping(2, 1));
				try {
					slow.result(0.2);
				}
				catch (PyTimeoutError timeout) {
					seen.add("timed out");
				}
				TracedFuture<Long> broken = executor.submit("broken", () -> {
					throw new ArithmeticException("division by zero");
				});
				seen.add("exception: " + broken.exception(-1).getMessage());
			}
		});
		assertThat(seen).containsExactly("timed out", "exception: division by zero");
	}

	@Test
	void afterShutdownNothingMoreIsTakenAndCancelFuturesCancelsThePending() throws Exception {
		run(() -> {
			var executor = new TracedExecutor(1);
			TracedFuture<Long> running = executor.submit("running", sleeping(0.5, 1));
			TracedFuture<Long> pending = executor.submit("pending", sleeping(0.5, 2));
			Py.sleep(0.1);
			executor.shutdown(true, true);
			seen.add(running.state() + " " + pending.state());
			try {
				executor.submit("late", sleeping(0, 3));
			}
			catch (PyRuntimeError refused) {
				seen.add(refused.getMessage());
			}
		});
		assertThat(seen).containsExactly("FINISHED CANCELLED", "cannot schedule new futures after shutdown");
	}

	@Test
	void asCompletedAndWaitAndMapRespectTheirTimeouts() throws Exception {
		run(() -> {
			try (var executor = new TracedExecutor(2)) {
				List<TracedFuture<Long>> futures = List.of(executor.submit("quick", sleeping(0.1, 1)),
						executor.submit("slow", sleeping(3, 2)));
				var result = Futures.wait(futures, Futures.ReturnWhen.ALL_COMPLETED, 0.5);
				seen.add("wait: " + result.done().size() + " done, " + result.notDone().size() + " not");
				try {
					for (TracedFuture<Long> f : Futures.asCompleted(futures, 0.5)) {
						seen.add("completed " + f.result());
					}
				}
				catch (PyTimeoutError timeout) {
					seen.add("as_completed: " + timeout);
				}
				var results = executor.map(x -> "m" + x, x -> sleeping(x, x), List.of(0L, 3L), 0.5);
				seen.add("map: " + results.next());
				try {
					results.next();
				}
				catch (PyTimeoutError timeout) {
					seen.add("map: " + timeout);
				}
			}
		});
		assertThat(seen).containsExactly("wait: 1 done, 1 not", "completed 1", "as_completed: TimeoutError: 1 (of 2) futures unfinished",
				"map: 0", "map: TimeoutError");
	}

	@Test
	void waitForTheFirstExceptionReturnsAsSoonAsOneTaskRaises() throws Exception {
		run(() -> {
			try (var executor = new TracedExecutor(3)) {
				List<TracedFuture<Long>> futures = List.of(executor.submit("slow", sleeping(3, 1)),
						executor.submit("broken", () -> {
							Py.sleep(0.2);
							throw new IllegalStateException("broken");
						}), executor.submit("slower", sleeping(4, 2)));
				var result = Futures.wait(futures, Futures.ReturnWhen.FIRST_EXCEPTION);
				seen.add(result.done().size() + " done, " + result.notDone().size() + " still running");
			}
		});
		assertThat(seen).containsExactly("1 done, 2 still running");
	}

}
