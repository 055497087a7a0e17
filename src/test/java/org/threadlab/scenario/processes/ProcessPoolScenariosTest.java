package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.scenario.Params;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §6's process pools, on the recorded events: the results and their orders, the workers, the times. */
class ProcessPoolScenariosTest {

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).as("no child process is left").isEmpty();
	}

	private static String nameOf(Trace trace, int actor) {
		return trace.actors().values().stream().filter(a -> a.id() == actor).findFirst().orElseThrow().name();
	}

	private static List<ActorInfo> processes(Trace trace, String prefix) {
		return trace.actors().values().stream().filter(a -> a.name().startsWith(prefix)).toList();
	}

	@Test
	void applyAsyncReturnsAtOnceAndTheResultIsThereAfterJoin() throws Exception {
		Runs runs = Runs.of(new PoolApplyScenario()).speed(10);
		Trace trace = runs.run(Map.of("seconds", 1));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main")).containsExactly("ready: False", "ready: True successful: True", "1");

		List<ActorInfo> workers = processes(trace, "SpawnPoolWorker-");
		assertThat(workers).hasSize(2).allMatch(w -> w.type() == ActorInfo.Type.PROCESS);
		// the task is drawn in the worker process that ran it, a real process of its own
		Event printed = trace.events().stream()
			.filter(e -> e.kind() == EventKind.PRINT && "sub_progress success".equals(e.value()))
			.findFirst().orElseThrow();
		String ranIt = nameOf(trace, printed.actor());
		assertThat(ranIt).startsWith("SpawnPoolWorker-");
		assertThat((Long) trace.first(ranIt, EventKind.START).value()).isNotEqualTo(ProcessHandle.current().pid());
		// main's join ends after the worker's print: close() let the queued task finish first
		Event closed = trace.first("main", EventKind.PUT, e -> "_change_notifier".equals(e.object()));
		Event joined = trace.first("main", EventKind.JOINED, e -> ranIt.equals(e.object()));
		assertThat(closed.seq()).isLessThan(joined.seq());
		assertThat(printed.seq()).isLessThan(joined.seq());
		assertThat(trace.first("main", EventKind.RESULT).cause())
			.isEqualTo(trace.first("Thread-3 (_handle_results)", EventKind.DONE).seq());
	}

	@Test
	void getWithATimeoutTooEarlyRaisesAndTheTaskGoesOn() throws Exception {
		Runs runs = Runs.of(new PoolApplyScenario()).speed(10);
		Trace trace = runs.run(Map.of("getTimeout", true, "seconds", 3));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.allPrints()).containsExactly("ready: False", "not ready after 1 s", "sub_progress success",
				"ready: True successful: True", "3");
	}

	@Test
	void imapHandsResultsOutInTheListsOrderImapUnorderedAsTheyFinish() throws Exception {
		// at speed 2, the second that separates get_html(3)'s end from get_html(5)'s is 500 ms of real time
		Runs runs = Runs.of(new ImapScenario()).speed(2);
		Trace trace = runs.run(Map.of());
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main")).containsExactly("1 sleep success", "5 sleep success", "3 sleep success",
				"1 sleep success", "3 sleep success", "5 sleep success");
		// imap did not run them in order: 3's result reached the pool before 5's, and waited aside
		List<String> imapResults = trace.of("Thread-3 (_handle_results)").stream()
			.filter(e -> e.kind() == EventKind.GOT && String.valueOf(e.value()).startsWith("(0, "))
			.map(e -> String.valueOf(e.value()))
			.toList();
		assertThat(imapResults).containsExactly("(0, 0, (True, 1))", "(0, 2, (True, 3))", "(0, 1, (True, 5))");
		List<Object> handedOut = trace.of("main").stream()
			.filter(e -> e.kind() == EventKind.GOT && "IMapIterator-0".equals(e.object()))
			.map(Event::value)
			.toList();
		assertThat(handedOut).containsExactly("1", "5", "3");
	}

	private static final Pattern ELAPSED = Pattern.compile("^(serial|threads|processes)(?:: last time is)?: (\\d+\\.\\d+) s");

	private static Map<String, Double> elapsed(Trace trace) {
		Map<String, Double> seconds = new java.util.LinkedHashMap<>();
		for (String line : trace.printsOf("main")) {
			Matcher m = ELAPSED.matcher(line);
			if (m.find()) {
				seconds.put(m.group(1), Double.parseDouble(m.group(2)));
			}
		}
		return seconds;
	}

	/** The intervals in which the named actors were busy: from an event {@code opens} to the next {@code closes}. */
	private static List<long[]> spans(Trace trace, String prefix, Predicate<Event> opens, Predicate<Event> closes) {
		List<long[]> spans = new ArrayList<>();
		for (ActorInfo worker : processes(trace, prefix)) {
			long start = -1;
			for (Event e : trace.of(worker.name())) {
				if (opens.test(e)) {
					start = e.timeNs();
				}
				else if (closes.test(e) && start >= 0) {
					spans.add(new long[] { start, e.timeNs() });
					start = -1;
				}
			}
		}
		return spans;
	}

	/** How many of the spans ever run at the same moment. */
	private static int mostAtOnce(List<long[]> spans) {
		List<long[]> edges = new ArrayList<>();
		spans.forEach(s -> {
			edges.add(new long[] { s[0], 1 });
			edges.add(new long[] { s[1], -1 });
		});
		edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
		int now = 0;
		int most = 0;
		for (long[] edge : edges) {
			now += (int) edge[1];
			most = Math.max(most, now);
		}
		return most;
	}

	@Test
	void sleepsTakeTheSameRoundsOnThreadsAndOnProcessesNeverMoreAtOnceThanWorkers() throws Exception {
		Runs runs = Runs.of(new IoBoundScenario()).speed(2);
		Trace trace = runs.run(Map.of("tasks", 9, "seconds", 0.4, "workers", 3));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main").stream().filter(p -> p.equals("exe result: 0.4"))).hasSize(18);
		Map<String, Double> seconds = elapsed(trace);
		// 9 sleeps of 0.4 s on 3 workers: 3 rounds, 1.2 s of lesson time at least, at any speed, either way
		assertThat(seconds.get("threads")).isGreaterThanOrEqualTo(1.2);
		assertThat(seconds.get("processes")).isGreaterThanOrEqualTo(1.2);
		List<long[]> threadSleeps = spans(trace, "ThreadPoolExecutor-", e -> e.kind() == EventKind.SLEEP,
				e -> e.kind() == EventKind.WAKE);
		List<long[]> processTasks = spans(trace, "SpawnProcess-",
				e -> e.kind() == EventKind.GOT && "_call_queue".equals(e.object()) && !"None".equals(e.value()),
				e -> e.kind() == EventKind.PUT && "_result_queue".equals(e.object()));
		assertThat(threadSleeps).hasSize(9);
		assertThat(mostAtOnce(threadSleeps)).as("threads asleep at once").isEqualTo(3);
		assertThat(processTasks).as("each task taken by a worker process and sent back").hasSize(9);
		assertThat(mostAtOnce(processTasks)).as("tasks at once in the worker processes").isBetween(1, 3);
	}

	/** The spans in which each named thread held the GIL. */
	private static List<long[]> gilHolds(Trace trace, String prefix) {
		return spans(trace, prefix, e -> e.kind() == EventKind.GIL_TAKEN, e -> e.kind() == EventKind.GIL_DROPPED);
	}

	@Test
	void underTheGilThePoolsThreadsTakeTurnsWhileItsProcessesComputeAtTheSameTime() throws Exception {
		Runs runs = Runs.of(new CpuBoundScenario()).speed(10).gil(Gil.Mode.BACK_EDGES_AND_CALLS, 0.005);
		// four calls of about a second in all on two workers: one has work left when the other starts, however late
		Trace trace = runs.run(Map.of("start", 34, "stop", 38, "workers", 2));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		List<String> results = trace.printsOf("main").stream().filter(p -> p.startsWith("exe result: ")).toList();
		assertThat(results).hasSize(8).containsOnly("exe result: 5702887", "exe result: 9227465", "exe result: 14930352",
				"exe result: 24157817");
		assertThat(elapsed(trace)).containsOnlyKeys("serial", "threads", "processes");

		// the threads hand the GIL to each other while they compute, and never hold it at once
		List<long[]> turns = gilHolds(trace, "ThreadPoolExecutor-");
		assertThat(mostAtOnce(turns)).as("threads holding the GIL at once").isEqualTo(1);
		assertThat(turns.size()).as("turns of the threads at the GIL").isGreaterThan(10);
		// each process has its own GIL: both worker processes computed at the same time
		List<long[]> computing = spans(trace, "SpawnProcess-",
				e -> e.kind() == EventKind.GOT && "_call_queue".equals(e.object()) && !"None".equals(e.value()),
				e -> e.kind() == EventKind.PUT && "_result_queue".equals(e.object()));
		assertThat(computing).hasSize(4);
		assertThat(mostAtOnce(computing)).as("processes computing at once").isEqualTo(2);
	}

	@Test
	void withoutTheGilThePoolsThreadsComputeAtTheSameTimeToo() throws Exception {
		Runs runs = Runs.of(new CpuBoundScenario()).speed(10);
		Trace trace = runs.run(Map.of("start", 30, "stop", 34, "workers", 2));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.events().stream().filter(e -> e.kind() == EventKind.GIL_TAKEN)).as("no GIL").isEmpty();
		List<long[]> computing = spans(trace, "ThreadPoolExecutor-", e -> e.kind() == EventKind.RUNNING,
				e -> e.kind() == EventKind.DONE);
		assertThat(computing).hasSize(4);
		assertThat(mostAtOnce(computing)).as("threads computing at once").isEqualTo(2);
	}

	@Test
	void aCancelledRunLeavesNoChildProcess() throws Exception {
		var scenario = new IoBoundScenario();
		Params params = Params.parse(scenario.parameters(), Map.of("tasks", 6, "seconds", 2, "workers", 3));
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 100_000);
		run.useGil(0.005, Gil.Mode.BACK_EDGES_AND_CALLS);
		run.start("main", () -> scenario.run(params));
		Eventually.within(Duration.ofSeconds(60)).every(Duration.ofMillis(20))
			.until("a worker process to get to its sleep", () -> workerSleeps(run));
		run.cancel();
		Outcome outcome = run.outcome().get(30, TimeUnit.SECONDS);
		assertThat(outcome.status()).isEqualTo(Outcome.Status.CANCELLED);
		assertThat(run.awaitTermination(Duration.ofSeconds(10))).isTrue();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).as("no child process outlives its run").isEmpty();
	}

	private static boolean workerSleeps(Run run) {
		Trace trace = Trace.of(run.recorder());
		return trace.actors().values().stream().filter(a -> a.name().startsWith("SpawnProcess-"))
			.anyMatch(a -> trace.of(a.name()).stream().anyMatch(e -> e.kind() == EventKind.SLEEP));
	}

}
