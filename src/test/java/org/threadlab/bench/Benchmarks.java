package org.threadlab.bench;

/**
 * Every benchmark, one after another, each printing its figures: {@code ./mvnw -Pbench test}; only one of
 * them with {@code -Dbench.only=recorder}, {@code locking}, {@code child}, {@code pools} or {@code demand}. The
 * daemon stress ({@code -Dbench.only=daemons}, some minutes) and the storm of idle sockets against a server of
 * its own ({@code -Dbench.only=storm}, a minute or two) run only when asked.
 * Benchmarks are programs, not tests: they assert nothing, as their figures depend on the machine. The
 * daemon stress is the exception: its verdict (no daemon steps after its main has ended) holds on any
 * machine, so a run that breaks it fails the build.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		System.out.printf("ThreadLab benchmarks on %d cores, %s %s%n%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name"), System.getProperty("java.version"));
		String only = args.length > 0 ? args[0] : "all";
		if (only.equals("all") || only.equals("recorder")) {
			RecorderBenchmark.main(args);
		}
		if (only.equals("all") || only.equals("locking")) {
			LockingBenchmark.main(args);
		}
		if (only.equals("all") || only.equals("child")) {
			ChildStartBenchmark.main(args);
		}
		if (only.equals("all") || only.equals("pools")) {
			ProcessPoolBenchmark.main(args);
		}
		if (only.equals("all") || only.equals("demand")) {
			ChildDemandBenchmark.main(args);
		}
		if (only.equals("daemons")) {
			DaemonStress.main(args);
		}
		if (only.equals("storm")) {
			StormBenchmark.main(args);
		}
	}

}
