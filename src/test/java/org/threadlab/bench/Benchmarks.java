package org.threadlab.bench;

/**
 * Every benchmark, one after another, each printing its figures: {@code ./mvnw -Pbench test}.
 * Benchmarks are programs, not tests: they assert nothing and their figures depend on the machine.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		System.out.printf("ThreadLab benchmarks on %d cores, %s %s%n%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name"), System.getProperty("java.version"));
		RecorderBenchmark.main(args);
		LockingBenchmark.main(args);
	}

}
