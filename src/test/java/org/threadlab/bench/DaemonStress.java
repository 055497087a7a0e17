package org.threadlab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.threadlab.childjvm.ChildLauncher;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.threads.ThreadTargetScenario;

/**
 * Daemons stop at finalization, in every run: {@code thread-target}'s daemon variant (the daemons in a
 * real child process) at speed 100, where they wake a few milliseconds after main has ended, run again
 * and again under each GIL setting while two busy threads load the machine's cores. Counts the runs in
 * which a daemon made any step after its process's main had ended, a line or taking the GIL (CPython:
 * never), and how the daemons ended. Its verdict is asserted: once every setting has run, it fails (an
 * {@link AssertionError}, so a non-zero exit and a failed build) if any run had such a step.
 * {@code ./mvnw -Pbench test -Dbench.only=daemons}, {@code -Ddaemons.runs=N} runs per setting.
 */
public final class DaemonStress {

	private static final String[] DAEMONS = { "Thread-1 (get_detail_html)", "Thread-2 (get_detail_url)" };

	private DaemonStress() {
	}

	public static void main(String[] args) throws Exception {
		int runs = Integer.getInteger("daemons.runs", 300);
		System.setProperty(ChildLauncher.CLASS_PATH_PROPERTY, BenchMachine.ownClassFolders());
		ChildLauncher.configure(2, true);
		ChildLauncher.awaitArchive(Duration.ofMinutes(2));
		System.out.printf("Daemons after main: thread-target's daemon variant at speed 100, %d runs per GIL setting, "
				+ "two busy threads beside it%n", runs);
		System.out.printf("%-36s %6s %22s %14s %14s%n", "", "runs", "a step after main's end", "cut off", "ended before");
		List<Thread> load = busyThreads(2);
		int after = 0;
		try {
			after += row("GIL off", null, runs);
			after += row("GIL on, back-edges and calls (3.10+)", Gil.Mode.BACK_EDGES_AND_CALLS, runs);
			after += row("GIL on, every bytecode (3.9)", Gil.Mode.EVERY_BYTECODE, runs);
		}
		finally {
			load.forEach(Thread::interrupt);
		}
		System.out.println();
		if (after > 0) {
			throw new AssertionError("in " + after + " of " + 3 * runs + " runs a daemon made a step after its process's "
					+ "main had ended (CPython: never); the runs and their late steps are listed above");
		}
	}

	/** Runs one GIL setting {@code runs} times and prints its row; returns in how many runs a daemon stepped after main's end. */
	private static int row(String label, Gil.Mode mode, int runs) throws Exception {
		var scenario = new ThreadTargetScenario();
		Params params = Params.parse(scenario.parameters(),
				Map.of("daemon", true, "join", false, "htmlSeconds", 0.5, "urlSeconds", 1));
		int after = 0;
		int cutOff = 0;
		int endedBefore = 0;
		for (int i = 0; i < runs; i++) {
			Run run = new Run(Run.Home.SERVER, RunClock.startingNow(100), 100_000);
			if (mode != null) {
				run.useGil(0.005, mode);
			}
			run.start(scenario.mainName(params), () -> scenario.run(params));
			Outcome outcome = run.outcome().get(60, TimeUnit.SECONDS);
			run.awaitTermination(Duration.ofSeconds(10));
			if (outcome.status() != Outcome.Status.COMPLETED) {
				throw new IllegalStateException("run " + i + " ended " + outcome);
			}
			List<Event> events = new ArrayList<>();
			run.recorder().read(0, Integer.MAX_VALUE, events);
			Map<String, Integer> ids = new java.util.HashMap<>();
			events.stream().filter(e -> e.value() instanceof ActorInfo).map(e -> (ActorInfo) e.value())
				.forEach(a -> ids.putIfAbsent(a.name(), a.id()));
			long mainEnd = events.stream().filter(e -> e.actor() == ids.get("main") && e.kind() == EventKind.EXIT)
				.mapToLong(Event::seq).findFirst().orElseThrow();
			boolean ranOn = false;
			for (String daemon : DAEMONS) {
				int id = ids.get(daemon);
				List<Event> late = events.stream().filter(e -> e.actor() == id && e.kind() != EventKind.EXIT && e.seq() > mainEnd).toList();
				if (!late.isEmpty()) {
					System.out.println("  run " + i + ", " + daemon + " after main's end: " + late);
				}
				ranOn |= !late.isEmpty();
				Event exit = events.stream().filter(e -> e.actor() == id && e.kind() == EventKind.EXIT).findFirst().orElseThrow();
				if (exit.seq() < mainEnd) {
					endedBefore++;
				}
				else if ("cut off".equals(exit.value())) {
					cutOff++;
				}
			}
			if (ranOn) {
				after++;
			}
		}
		System.out.printf("%-36s %6d %22d %14d %14d%n", label, runs, after, cutOff, endedBefore);
		return after;
	}

	/** Threads that keep cores busy, as other learners' runs would. */
	private static List<Thread> busyThreads(int count) {
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Thread busy = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					// spin: a core kept busy until the stress is over (the check itself cannot be optimised away)
				}
			}, "busy-" + i);
			busy.setDaemon(true);
			busy.start();
			threads.add(busy);
		}
		return threads;
	}

}
