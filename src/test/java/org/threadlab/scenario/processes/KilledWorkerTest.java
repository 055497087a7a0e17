package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.scenario.Params;
import org.threadlab.testing.RunThreads;

/**
 * A pool worker killed from outside while it runs a task: that task's result can never come, so imap
 * waits for ever, as it does in CPython; the watchdog sees every process of the run and calls it a hang
 * once the others have nothing left to do.
 */
class KilledWorkerTest {

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).as("no child process is left").isEmpty();
	}

	@Test
	void anImapWhoseWorkerIsKilledMidTaskIsAHang() throws Exception {
		ImapScenario imap = new ImapScenario();
		Params params = Params.parse(imap.parameters(), Map.of("processes", 2));
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(2), 200_000);
		run.start(imap.mainName(params), () -> imap.run(params));
		try {
			long pid = awaitWorkerRunning(run, "get_html(5)");
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
			Outcome outcome = run.outcome().get(30, TimeUnit.SECONDS);
			assertThat(outcome.status()).as("%s", outcome).isEqualTo(Outcome.Status.HANG);
			assertThat(outcome.error()).contains("waits on");
		}
		finally {
			run.cancel();
			run.awaitTermination(Duration.ofSeconds(10));
		}
	}

	/** The pid of the worker that took the task shown as {@code call}, once it has. */
	private static long awaitWorkerRunning(Run run, String call) throws InterruptedException {
		Map<Integer, Long> pids = new HashMap<>();
		List<Event> events = new ArrayList<>();
		long cursor = 0;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			events.clear();
			cursor += run.recorder().read(cursor, 1000, events);
			for (Event e : events) {
				if (e.kind() == EventKind.SPAWN && e.value() instanceof ActorInfo info) {
					pids.put(info.id(), info.pid());
				}
				if (e.kind() == EventKind.START && e.value() instanceof Number pid) {
					pids.put(e.actor(), pid.longValue());
				}
				if (e.kind() == EventKind.GOT && "_inqueue".equals(e.object()) && String.valueOf(e.value()).contains(call)
						&& pids.getOrDefault(e.actor(), 0L) > 0) {
					return pids.get(e.actor());
				}
			}
			Thread.sleep(10);
		}
		throw new AssertionError("no worker took " + call);
	}

}
