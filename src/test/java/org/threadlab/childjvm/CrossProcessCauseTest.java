package org.threadlab.childjvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.multiprocessing.Programs;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Trace;

/** An event in one child caused by an event in another names it across the pipes, and the trace links them. */
class CrossProcessCauseTest {

	@TempDir
	Path dir;

	@AfterEach
	void nothingIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).isEmpty();
	}

	@Test
	void whatProcessBGotIsLinkedToWhatProcessAPut() throws Exception {
		String note = dir.resolve("where-a-put").toString();
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(10), 10_000);
		run.start("main", () -> {
			PyProcess getter = new PyProcess(Programs.getter(note));
			PyProcess putter = new PyProcess(Programs.putter(note));
			getter.start(); // B waits first, as a consumer does
			putter.start();
			putter.join();
			getter.join();
		});
		assertThat(run.outcome().get(60, TimeUnit.SECONDS).status()).isEqualTo(Outcome.Status.COMPLETED);
		Trace trace = Trace.of(run.recorder());
		Event put = trace.first("Process-2", EventKind.PRINT);
		Event got = trace.first("Process-1", EventKind.PRINT);
		assertThat(put.value()).isEqualTo("put");
		assertThat(got.value()).isEqualTo("got");
		assertThat(got.cause()).as("B's event names A's, in the run's numbering").isEqualTo(put.seq());
		assertThat(Files.readString(Path.of(note))).startsWith(trace.first("Process-2", EventKind.START).value() + ":");
	}

}
