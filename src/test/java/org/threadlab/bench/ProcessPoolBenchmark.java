package org.threadlab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.threadlab.childjvm.ChildLauncher;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.Trace;

/**
 * What §6's two comparisons take, in ThreadLab and in CPython on the same machine in the same minutes:
 * {@code cpu-bound} (serial, a pool of threads, a pool of processes; its default, the tutorial's fib(25..39) on 3) and
 * {@code io-bound} (threads, processes), each run {@value #ROUNDS} times after one warm-up run, ThreadLab's
 * run and CPython's taking turns so that the machine's load weighs on both alike. ThreadLab's runs with
 * the server's usual {@value #SPARES} spare child JVMs ready before each; CPython's is the lesson's listing,
 * rendered, under {@code python3}. Prints the medians of the times each run prints, and the medians (and
 * ranges) of each run's speed-ups over its serial time, which the cpu-bound lesson quotes; and how long
 * ThreadLab's process pool takes from its first submit to its last worker's first step.
 * {@code ./mvnw -Pbench test -Dbench.only=pools}; {@code BENCH_POOLS_START}, {@code BENCH_POOLS_STOP},
 * {@code BENCH_POOLS_WORKERS} in the environment change cpu-bound's values, {@code BENCH_POOLS_ROUNDS} the rounds.
 */
public final class ProcessPoolBenchmark {

	static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_POOLS_ROUNDS", "5"));

	/** As the server keeps when calm (threadlab.children.spares): a pool of three starts warm. */
	static final int SPARES = 3;

	private static final Pattern SECONDS = Pattern.compile("^(serial|threads|processes)(?:: last time is)?: (\\d+\\.\\d+) s");

	private static final ScenarioCatalog CATALOG = new ScenarioCatalog();

	private ProcessPoolBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty(ChildLauncher.CLASS_PATH_PROPERTY, BenchMachine.ownClassFolders());
		ChildLauncher.configure(SPARES, true);
		ChildLauncher.awaitArchive(Duration.ofMinutes(2));
		Scenario cpu = CATALOG.find("cpu-bound").orElseThrow();
		Scenario io = CATALOG.find("io-bound").orElseThrow();
		Map<String, Object> cpuValues = new LinkedHashMap<>();
		cpuValues.put("start", Long.parseLong(System.getenv().getOrDefault("BENCH_POOLS_START", "25")));
		cpuValues.put("stop", Long.parseLong(System.getenv().getOrDefault("BENCH_POOLS_STOP", "40")));
		cpuValues.put("workers", Long.parseLong(System.getenv().getOrDefault("BENCH_POOLS_WORKERS", "3")));
		Map<String, Object> ioValues = Map.of("tasks", 30, "seconds", 0.2, "workers", 3);
		boolean python = CPythonListing.python() != null;
		System.out.printf("Process pools (§6): medians of %d runs, ThreadLab's (%d spare JVMs ready before each) and "
				+ "CPython %s's taking turns (%s)%n", ROUNDS, SPARES, python ? CPythonListing.python().version() : "(none: "
						+ CPythonListing.missing() + ")", BenchMachine.loadAverage());
		System.out.printf("%-44s %-9s %8s %9s %8s %17s %17s %9s%n", "", "", "serial s", "threads s", "procs s",
				"threads ×serial", "processes ×serial", "start ms");
		String range = "fib(" + cpuValues.get("start") + ".." + ((Long) cpuValues.get("stop") - 1) + ") on "
				+ cpuValues.get("workers");
		rows("cpu-bound " + range + ", GIL on (3.10+)", cpu, cpuValues, Gil.Mode.BACK_EDGES_AND_CALLS, python);
		rows("cpu-bound " + range + ", GIL off", cpu, cpuValues, null, false);
		rows("io-bound 30 × 0.2 s on 3 workers", io, ioValues, Gil.Mode.BACK_EDGES_AND_CALLS, python);
		System.out.println();
	}

	/** ThreadLab's row, and CPython's below it when {@code python}; their runs take turns. */
	private static void rows(String label, Scenario scenario, Map<String, ?> values, Gil.Mode gil, boolean python)
			throws Exception {
		Map<String, List<Double>> ours = new LinkedHashMap<>();
		Map<String, List<Double>> theirs = new LinkedHashMap<>();
		for (int i = -1; i < ROUNDS; i++) {
			// ready, and none still warming up: a JVM starting beside the serial part would slow it alone
			Eventually.within(Duration.ofSeconds(60)).every(Duration.ofMillis(100))
				.until("the spares ready", () -> ChildLauncher.readySpares() >= SPARES
						&& ChildLauncher.sparePids().size() == ChildLauncher.readySpares());
			Thread.sleep(1000); // and their JIT compilers done
			Map<String, Double> one = threadLab(scenario, values, gil);
			Map<String, Double> other = python ? cpython(scenario, values) : Map.of();
			if (i >= 0) {
				one.forEach((what, figure) -> ours.computeIfAbsent(what, k -> new ArrayList<>()).add(figure));
				other.forEach((what, figure) -> theirs.computeIfAbsent(what, k -> new ArrayList<>()).add(figure));
			}
		}
		print(label, "ThreadLab", ours);
		if (python) {
			print("", "CPython", theirs);
		}
	}

	private static void print(String label, String who, Map<String, List<Double>> figures) {
		System.out.printf("%-44s %-9s %8s %9s %8s %17s %17s %9s%n", label, who, median(figures.get("serial"), 2),
				median(figures.get("threads"), 2), median(figures.get("processes"), 2), ratio(figures.get("threadsX")),
				ratio(figures.get("processesX")), median(figures.get("poolStartMs"), 0));
	}

	private static Map<String, Double> threadLab(Scenario scenario, Map<String, ?> values, Gil.Mode gil) throws Exception {
		Params params = Params.parse(scenario.parameters(), values);
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 500_000);
		if (gil != null) {
			run.useGil(0.005, gil);
		}
		run.start("main", () -> scenario.run(params));
		Outcome outcome = run.outcome().get(120, TimeUnit.SECONDS);
		if (outcome.status() != Outcome.Status.COMPLETED) {
			throw new IllegalStateException("a benchmark run did not complete: " + outcome);
		}
		Trace trace = Trace.of(run.recorder());
		Map<String, Double> one = figures(trace.printsOf("main"));
		List<Event> starting = trace.events().stream().filter(e -> e.kind() == EventKind.STARTING).toList();
		List<Event> started = trace.events().stream().filter(e -> e.kind() == EventKind.START
				&& trace.actors().values().stream().anyMatch(a -> a.id() == e.actor() && a.name().startsWith("Spawn"))).toList();
		if (!starting.isEmpty() && !started.isEmpty()) {
			long from = starting.stream().mapToLong(Event::timeNs).min().orElseThrow();
			long to = started.stream().mapToLong(Event::timeNs).max().orElseThrow();
			one.put("poolStartMs", (to - from) / 1e6);
		}
		return one;
	}

	private static Map<String, Double> cpython(Scenario scenario, Map<String, ?> values) throws Exception {
		return figures(CPythonListing.run(CATALOG, scenario, values));
	}

	/** The seconds a run printed, and its speed-ups over its serial time (where it has one). */
	private static Map<String, Double> figures(List<String> printed) {
		Map<String, Double> one = new LinkedHashMap<>();
		for (String line : printed) {
			Matcher m = SECONDS.matcher(line);
			if (m.find()) {
				one.put(m.group(1), Double.parseDouble(m.group(2)));
			}
		}
		Double serial = one.get("serial");
		if (serial != null) {
			for (String way : List.of("threads", "processes")) {
				if (one.containsKey(way)) {
					one.put(way + "X", serial / one.get(way));
				}
			}
		}
		return one;
	}

	private static String median(List<Double> values, int decimals) {
		if (values == null || values.isEmpty()) {
			return "-";
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return String.format("%." + decimals + "f", sorted[sorted.length / 2]);
	}

	/** A speed-up's median and range: "1.6 (1.5–1.7)". */
	private static String ratio(List<Double> values) {
		if (values == null || values.isEmpty()) {
			return "-";
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return String.format("%.2f (%.1f–%.1f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
	}

}
