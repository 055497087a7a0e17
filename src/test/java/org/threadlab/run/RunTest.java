package org.threadlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.EventKind;
import org.threadlab.probe.Py;
import org.threadlab.builtins.PyRuntimeError;
import org.threadlab.probe.TracedThread;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Trace;

/** A run owns what it starts and ends with nothing left behind, however it ends. */
class RunTest {

	@AfterEach
	void nothingIsLeftRunning() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
	}

	private static Run start(RunBody body) {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 10_000);
		run.start("main", body);
		return run;
	}

	private static Outcome outcome(Run run) throws Exception {
		Outcome outcome = run.outcome().get(30, TimeUnit.SECONDS);
		assertThat(run.awaitTermination(Duration.ofSeconds(10))).isTrue();
		return outcome;
	}

	@Test
	void aCancelledRunStopsItsSleepingThreadsAndEndsCancelled() throws Exception {
		CountDownLatch asleep = new CountDownLatch(2);
		Run run = start(() -> {
			TracedThread worker = new TracedThread("worker", false, () -> {
				asleep.countDown();
				Py.sleep(60);
			});
			worker.start();
			asleep.countDown();
			worker.join();
		});
		assertThat(asleep.await(10, TimeUnit.SECONDS)).isTrue();
		run.cancel();
		Outcome outcome = outcome(run);
		assertThat(outcome.status()).isEqualTo(Outcome.Status.CANCELLED);
		Trace trace = Trace.of(run.recorder());
		assertThat(trace.first("worker", EventKind.EXIT).value()).isEqualTo("cancelled");
		assertThat(trace.end().value()).isEqualTo(outcome);
		assertThat(trace.events().get(trace.events().size() - 1).kind()).as("END comes last").isEqualTo(EventKind.END);
	}

	@Test
	void anErrorInMainFailsTheRunAndSaysWhat() throws Exception {
		Run run = start(() -> {
			throw new IllegalStateException("boom");
		});
		Outcome outcome = outcome(run);
		assertThat(outcome.status()).isEqualTo(Outcome.Status.FAILED);
		assertThat(outcome.error()).as("in Python's words").isEqualTo("RuntimeError: boom");
	}

	@Test
	void anErrorInAThreadEndsOnlyThatThreadAsInPython() throws Exception {
		Run run = start(() -> {
			TracedThread worker = new TracedThread("worker", false, () -> {
				throw new ArithmeticException("division by zero");
			});
			worker.start();
			worker.join();
			Py.print("main goes on");
		});
		assertThat(outcome(run).status()).isEqualTo(Outcome.Status.COMPLETED);
		Trace trace = Trace.of(run.recorder());
		assertThat((String) trace.first("worker", EventKind.EXIT).value()).contains("division by zero");
		assertThat(trace.printsOf("main")).containsExactly("main goes on");
	}

	@Test
	void aDaemonThreadLeftAtTheEndIsCutOffByTheRun() throws Exception {
		CountDownLatch asleep = new CountDownLatch(1);
		Run run = start(() -> {
			new TracedThread("daemon", true, () -> {
				asleep.countDown();
				Py.sleep(60);
			}).start();
			asleep.await(10, TimeUnit.SECONDS);
		});
		assertThat(outcome(run).status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(Trace.of(run.recorder()).first("daemon", EventKind.EXIT).value()).isEqualTo("cut off");
	}

	@Test
	void aThreadStartsOnceAndCannotBeJoinedBeforeItStarts() throws Exception {
		Run run = start(() -> {
			TracedThread worker = new TracedThread("worker", false, () -> {
			});
			try {
				worker.join();
				Py.print("joined an unstarted thread");
			}
			catch (PyRuntimeError expected) {
				Py.print(expected.getMessage());
			}
			worker.start();
			try {
				worker.start();
			}
			catch (PyRuntimeError expected) {
				Py.print(expected.getMessage());
			}
		});
		assertThat(outcome(run).status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(Trace.of(run.recorder()).printsOf("main")).containsExactly("cannot join thread before it is started",
				"threads can only be started once");
	}

	@Test
	void aTraceThatOverflowsKeepsItsBeginningAndCountsWhatItDropped() throws Exception {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 50);
		run.start("main", () -> {
			for (int i = 0; i < 100; i++) {
				Py.print(i);
			}
		});
		Outcome outcome = outcome(run);
		assertThat(outcome.status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(outcome.dropped()).isPositive();
		assertThat(Trace.of(run.recorder()).events()).hasSize(50);
	}

	@Test
	void probesRefuseToWorkOutsideARun() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Py.print("hello"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("probes work only inside a run");
	}

}
