package org.threadlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.threadlab.event.EventKind;
import org.threadlab.probe.TracedThread;
import org.threadlab.testing.Trace;

/**
 * The emulated GIL, as the lesson of §6 needs it: CPU-bound threads taking turns at it get no more done
 * than one thread alone, whatever the machine's load. That takes the waiting threads asleep until the GIL
 * is theirs: a waiter that woke every interval to look was, on a loaded machine, a runnable thread queued
 * for a core, which Linux's scheduler later paid back while it held the GIL, and the threads of
 * {@code cpu-bound} beat its serial work under load.
 */
class GilTest {

	/** Rounds of {@link GilShare}, and each round's measured milliseconds. */
	private static final int ROUNDS = 7;

	private static final int WINDOW_MS = 800;

	@Test
	void threadsWaitingForTheGilSleepUntilItIsTheirsWhileTheHolderIsStillAskedToLetGo() throws Exception {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 100_000);
		run.useGil(0.005, Gil.Mode.BACK_EDGES_AND_CALLS);
		AtomicBoolean stop = new AtomicBoolean();
		run.start("main", () -> {
			List<TracedThread> threads = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				threads.add(new TracedThread("t" + i, false, () -> {
					while (!stop.get()) {
						GilShare.fib(18);
					}
				}));
			}
			for (TracedThread t : threads) {
				t.start();
			}
			for (TracedThread t : threads) {
				t.join();
			}
		});
		Map<Thread.State, Integer> seen = new java.util.EnumMap<>(Thread.State.class);
		long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
		while (System.nanoTime() < until) {
			for (Thread thread : Thread.getAllStackTraces().keySet()) {
				if (thread.getName().matches("run-" + run.id() + "-t\\d")) {
					seen.merge(thread.getState(), 1, Integer::sum);
				}
			}
			TimeUnit.MILLISECONDS.sleep(2);
		}
		stop.set(true);
		run.outcome().get(30, TimeUnit.SECONDS);

		assertThat(seen.getOrDefault(Thread.State.WAITING, 0)).as("threads seen waiting for the GIL: %s", seen).isPositive();
		assertThat(seen.getOrDefault(Thread.State.TIMED_WAITING, 0)).as("waiters woken by a timer: %s", seen).isZero();
		long turns = Trace.of(run.recorder()).events().stream().filter(e -> e.kind() == EventKind.GIL_TAKEN).count();
		assertThat(turns).as("the GIL changed hands, each holder asked after its interval").isGreaterThan(10);
	}

	@Test
	@Timeout(120)
	void threadsTakingTurnsAtTheGilGetAsMuchDoneAsOneThreadOnABusyCore() throws Exception {
		Assumptions.assumeTrue(new File("/usr/bin/taskset").canExecute() || new File("/bin/taskset").canExecute(),
				"pinning a JVM to one core takes Linux's taskset");
		int core = Runtime.getRuntime().availableProcessors() - 1;
		List<String> command = List.of("taskset", "-c", String.valueOf(core), java(), "-cp",
				System.getProperty("java.class.path"), GilShare.class.getName(), String.valueOf(ROUNDS), String.valueOf(WINDOW_MS));
		Process probe = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		List<Double> ratios = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line; (line = out.readLine()) != null;) {
				if (line.startsWith("ratio ")) {
					ratios.add(Double.parseDouble(line.substring(6)));
				}
			}
		}
		finally {
			probe.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		assertThat(ratios).hasSize(ROUNDS);
		double median = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray()[ROUNDS / 2];
		// one core, measured at the same moments: the load weighs on both alike
		assertThat(median).as("three GIL-bound threads' work against one thread's, rounds %s", ratios).isBetween(0.85, 1.15);
	}

	private static String java() {
		return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
