package org.threadlab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.threadlab.childjvm.ChildLauncher;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.launch.AdmissionLimits;
import org.threadlab.launch.LaunchListener;
import org.threadlab.launch.Launchers;
import org.threadlab.launch.RunLauncher;
import org.threadlab.launch.RunLimits;
import org.threadlab.launch.RunRequest;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.scenario.ScenarioCatalog;
import org.threadlab.testing.Trace;

/**
 * How long processes take to start when a class starts them together, with the server's settings: 3 spare
 * JVMs kept when calm and up to 8 under demand ({@code threadlab.children.*}), runs admitted by the
 * server's default limits (8 processes at once, each learner a client of its own). Two rows: one learner
 * running the {@code process} lesson {@value #BACK_TO_BACK} times back to back, and {@value #LEARNERS}
 * learners each starting {@code pool-apply} at a moment drawn within {@value #SPREAD_SECONDS} s. A child's
 * start is from its STARTING (the parent's {@code start()}) to its first event (START), as in
 * {@link ChildStartBenchmark}. {@code ./mvnw -Pbench test -Dbench.only=demand}; {@code BENCH_DEMAND_SPARES_MAX=3}
 * in the environment keeps the spares at 3 (no sizing to demand), for comparison.
 */
public final class ChildDemandBenchmark {

	static final int LEARNERS = 40;

	static final int SPREAD_SECONDS = 10;

	static final int BACK_TO_BACK = 30;

	private static final boolean VERBOSE = System.getenv("BENCH_DEMAND_VERBOSE") != null;

	private ChildDemandBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int sparesMax = Integer.parseInt(System.getenv().getOrDefault("BENCH_DEMAND_SPARES_MAX", "8"));
		System.setProperty(ChildLauncher.CLASS_PATH_PROPERTY, BenchMachine.ownClassFolders());
		ChildLauncher.configure(3, sparesMax, true);
		ChildLauncher.awaitArchive(Duration.ofMinutes(2));
		awaitCalm();
		System.out.printf("Child starts under a class's demand: spares 3 when calm, up to %d (%s)%n", sparesMax,
				BenchMachine.loadAverage());
		System.out.printf("%-52s %6s %9s %9s %9s %11s %9s%n", "", "starts", "median ms", "p95 ms", "worst ms",
				"from spares", "run s");
		ScenarioCatalog catalog = new ScenarioCatalog();
		RunLauncher launcher = Launchers.of(catalog, new RunLimits(500_000, 0.1, 100, 600),
				new AdmissionLimits(2000, 8, 2, 1000, new AdmissionLimits.Share(200, 4, 1, 20)));
		try {
			row("process, one learner, " + BACK_TO_BACK + " runs back to back", backToBack(launcher));
			awaitCalm();
			row("pool-apply, " + LEARNERS + " learners starting within " + SPREAD_SECONDS + " s", classStarts(launcher));
		}
		finally {
			Launchers.stop(launcher);
		}
		System.out.println();
	}

	/** The starts of one run's child processes, and how long the run took. */
	private record Starts(List<Double> millis, int fromSpares, double runSeconds) {
	}

	private static List<Starts> backToBack(RunLauncher launcher) throws Exception {
		List<Starts> all = new ArrayList<>();
		for (int i = 0; i < BACK_TO_BACK; i++) {
			all.add(launch(launcher, "process", "learner-1", 0).get(120, TimeUnit.SECONDS));
		}
		return all;
	}

	private static List<Starts> classStarts(RunLauncher launcher) throws Exception {
		Random random = new Random(42);
		List<Long> at = new ArrayList<>();
		for (int i = 0; i < LEARNERS; i++) {
			at.add((long) (random.nextDouble() * SPREAD_SECONDS * 1000));
		}
		Collections.sort(at);
		List<CompletableFuture<Starts>> runs = new ArrayList<>();
		long began = System.nanoTime();
		for (int i = 0; i < LEARNERS; i++) {
			long wait = at.get(i) - (System.nanoTime() - began) / 1_000_000;
			if (wait > 0) {
				Thread.sleep(wait);
			}
			runs.add(launch(launcher, "pool-apply", "learner-" + (i + 1), i));
		}
		List<Starts> all = new ArrayList<>();
		for (CompletableFuture<Starts> run : runs) {
			all.add(run.get(300, TimeUnit.SECONDS));
		}
		return all;
	}

	/** Asks for a run of the scenario's default as a learner would; completes with its children's starts. */
	private static CompletableFuture<Starts> launch(RunLauncher launcher, String scenario, String client, int index)
			throws Exception {
		CompletableFuture<Starts> done = new CompletableFuture<>();
		launcher.launch(launcher.check(new RunRequest(scenario, Map.of(), Map.of())), client, new LaunchListener() {

			@Override
			public void queued(int position) {
			}

			@Override
			public void started(RunLauncher.Launched launched) {
				long began = System.nanoTime();
				launched.run().outcome().whenComplete((outcome, error) -> {
					if (outcome == null || outcome.status() != Outcome.Status.COMPLETED) {
						done.completeExceptionally(new IllegalStateException("a run did not complete: " + outcome, error));
						return;
					}
					done.complete(startsOf(launched.run(), (System.nanoTime() - began) / 1e9));
				});
			}

			@Override
			public void failed(String message) {
				done.completeExceptionally(new IllegalStateException(message));
			}

		});
		return done;
	}

	private static Starts startsOf(Run run, double seconds) {
		Trace trace = Trace.of(run.recorder());
		List<Double> millis = new ArrayList<>();
		int fromSpares = 0;
		for (ActorInfo actor : trace.actors().values()) {
			if (actor.type() != ActorInfo.Type.PROCESS || actor.parent() == ActorInfo.NO_PARENT) {
				continue;
			}
			Event starting = trace.first(actor.name(), EventKind.STARTING);
			Event start = trace.first(actor.name(), EventKind.START);
			if (starting == null || start == null) {
				continue;
			}
			millis.add((start.timeNs() - starting.timeNs()) / 1e6);
			boolean spare = starting.value() instanceof Map<?, ?> how && Boolean.TRUE.equals(how.get("spare"));
			if (spare) {
				fromSpares++;
			}
			if (VERBOSE) {
				System.err.printf("  %s %s %s %.1f ms (spares now %d)%n", java.time.LocalTime.now(), run.id(),
						spare ? "spare" : "cold ", (start.timeNs() - starting.timeNs()) / 1e6, ChildLauncher.sparePids().size());
			}
		}
		return new Starts(millis, fromSpares, seconds);
	}

	private static void row(String label, List<Starts> runs) {
		double[] ms = runs.stream().flatMap(r -> r.millis().stream()).mapToDouble(Double::doubleValue).sorted().toArray();
		int spares = runs.stream().mapToInt(Starts::fromSpares).sum();
		double[] seconds = runs.stream().mapToDouble(Starts::runSeconds).sorted().toArray();
		System.out.printf("%-52s %6d %9.1f %9.1f %9.1f %11s %9.2f%n", label, ms.length, ms[ms.length / 2],
				ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1], spares + " of " + ms.length,
				seconds[seconds.length / 2]);
	}

	/** Until 3 spares are ready and warmed up, as on a server nobody has used for a while. */
	private static void awaitCalm() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while ((ChildLauncher.readySpares() < 3 || ChildLauncher.sparePids().size() > ChildLauncher.readySpares())
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		Thread.sleep(1000);
	}

}
