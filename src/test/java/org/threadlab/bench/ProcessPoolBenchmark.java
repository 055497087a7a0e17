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
 * What §6's two comparisons take, as a learner runs them: {@code cpu-bound} (serial, a pool of threads,
 * a pool of processes, with the GIL on and off) and {@code io-bound} (threads, processes), each run
 * {@value #ROUNDS} times after one warm-up run, with the server's usual {@value #SPARES} spare child JVMs ready
 * before each run; medians of the times each run prints, and of the whole run's real time. Also how
 * long the process pool takes from its first submit to its last worker's first step.
 * {@code ./mvnw -Pbench test -Dbench.only=pools}; {@code BENCH_POOLS_START=28 BENCH_POOLS_STOP=37} in the environment
 * change cpu-bound's range.
 */
public final class ProcessPoolBenchmark {

	static final int ROUNDS = 5;

	/** As the server keeps by default (threadlab.children.spares): a pool of three starts warm. */
	static final int SPARES = 3;

	private static final Pattern SECONDS = Pattern.compile("^(serial|threads|processes)(?:: last time is)?: (\\d+\\.\\d+) s");

	private ProcessPoolBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty(ChildLauncher.CLASS_PATH_PROPERTY, BenchMachine.ownClassFolders());
		ChildLauncher.configure(SPARES, true);
		ChildLauncher.awaitArchive(Duration.ofMinutes(2));
		ScenarioCatalog catalog = new ScenarioCatalog();
		Scenario cpu = catalog.find("cpu-bound").orElseThrow();
		Scenario io = catalog.find("io-bound").orElseThrow();
		Map<String, Object> cpuValues = new LinkedHashMap<>();
		cpuValues.put("start", Long.parseLong(System.getenv().getOrDefault("BENCH_POOLS_START", "25")));
		cpuValues.put("stop", Long.parseLong(System.getenv().getOrDefault("BENCH_POOLS_STOP", "34")));
		cpuValues.put("workers", Long.parseLong(System.getenv().getOrDefault("BENCH_POOLS_WORKERS", "3")));
		System.out.printf("Process pools (§6): medians of %d runs, %d spare JVMs ready before each, the server's default (%s)%n", ROUNDS, SPARES,
				BenchMachine.loadAverage());
		System.out.printf("%-48s %9s %9s %9s %11s %13s%n", "", "serial s", "threads s", "procs s", "run real s",
				"pool start ms");
		row("cpu-bound fib" + range(cpuValues) + ", GIL on (3.10+)", cpu, cpuValues, Gil.Mode.BACK_EDGES_AND_CALLS);
		row("cpu-bound fib" + range(cpuValues) + ", GIL off", cpu, cpuValues, null);
		row("io-bound 30 x 0.2 s on 3 workers, GIL on", io, Map.of(), Gil.Mode.BACK_EDGES_AND_CALLS);
		System.out.println();
	}

	private static String range(Map<String, Object> values) {
		return "(" + values.get("start") + ".." + ((Long) values.get("stop") - 1) + ") on " + values.get("workers");
	}

	private static void row(String label, Scenario scenario, Map<String, ?> values, Gil.Mode gil) throws Exception {
		Map<String, List<Double>> figures = new LinkedHashMap<>();
		for (int i = -1; i < ROUNDS; i++) {
			Eventually.within(Duration.ofSeconds(60)).every(Duration.ofMillis(100))
				.last(() -> ChildLauncher.sparePids().size(), spares -> spares >= SPARES);
			Thread.sleep(1000); // the last one warmed up too, not only started
			Map<String, Double> one = runOnce(scenario, values, gil);
			if (i >= 0) {
				one.forEach((what, seconds) -> figures.computeIfAbsent(what, k -> new ArrayList<>()).add(seconds));
			}
		}
		System.out.printf("%-48s %9s %9s %9s %11s %13s%n", label, median(figures.get("serial"), 2),
				median(figures.get("threads"), 2), median(figures.get("processes"), 2), median(figures.get("real"), 2),
				median(figures.get("poolStartMs"), 0));
	}

	private static Map<String, Double> runOnce(Scenario scenario, Map<String, ?> values, Gil.Mode gil) throws Exception {
		Params params = Params.parse(scenario.parameters(), values);
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 500_000);
		if (gil != null) {
			run.useGil(0.005, gil);
		}
		long began = System.nanoTime();
		run.start("main", () -> scenario.run(params));
		Outcome outcome = run.outcome().get(120, TimeUnit.SECONDS);
		if (outcome.status() != Outcome.Status.COMPLETED) {
			throw new IllegalStateException("a benchmark run did not complete: " + outcome);
		}
		Map<String, Double> one = new LinkedHashMap<>();
		one.put("real", (System.nanoTime() - began) / 1e9);
		Trace trace = Trace.of(run.recorder());
		for (String line : trace.printsOf("main")) {
			Matcher m = SECONDS.matcher(line);
			if (m.find()) {
				one.put(m.group(1), Double.parseDouble(m.group(2)));
			}
		}
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

	private static String median(List<Double> values, int decimals) {
		if (values == null || values.isEmpty()) {
			return "-";
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return String.format("%." + decimals + "f", sorted[sorted.length / 2]);
	}

}
