package org.threadlab.scenario.processes;

import static org.threadlab.probe.Py.backEdge;
import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.threadlab.futures.Futures;
import org.threadlab.futures.ProcessPoolExecutor;
import org.threadlab.futures.TracedExecutor;
import org.threadlab.futures.TracedFuture;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;

/**
 * Tutorial §6.1: the same CPU-bound work serially, on a pool of threads and on a pool of processes. Under
 * the GIL the threads take turns; the processes, each with its own GIL, run on the machine's cores.
 */
public final class CpuBoundScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.integer("start", 29, 1, 39),
			ParameterSpec.integer("stop", 38, 2, 40),
			ParameterSpec.integer("workers", 3, 1, 4));

	// ---- the program ----

	static long fib(long n) throws InterruptedException {
		backEdge(); // a call: where CPython may hand the GIL to another thread (nothing is drawn) // @fib
		if (n <= 2) {
			return 1;
		}
		return fib(n - 1) + fib(n - 2); // @fib-recurse
	}

	static void main(Params p) throws Exception {
		long start = p.integer("start");
		long stop = p.integer("stop");
		int workers = (int) p.integer("workers");

		double startTime = time(); // @serial-start
		for (long num = start; num < stop; num++) {
			fib(num); // one after another, in main // @serial
		}
		double serial = time() - startTime; // @serial-time
		print(String.format("serial: %.2f s", serial)); // @serial-print

		startTime = time(); // @threads-start
		try (var executor = new TracedExecutor(workers)) { // @threads
			List<TracedFuture<Long>> allTask = new ArrayList<>();
			for (long num = start; num < stop; num++) {
				long n = num;
				allTask.add(executor.submit("fib(" + n + ")", () -> fib(n))); // @threads-submit
			}
			for (TracedFuture<Long> future : Futures.asCompleted(allTask)) { // @threads-as-completed
				long data = future.result(); // @threads-result
				print("exe result:", data); // @threads-print
			}
		} // @threads
		double threads = time() - startTime; // @threads-time
		print(String.format("threads: %.2f s, speed-up %.1f", threads, serial / threads)); // @threads-elapsed

		startTime = time(); // @processes-start
		try (var executor = new ProcessPoolExecutor(workers)) { // @processes
			List<TracedFuture<Long>> allTask = new ArrayList<>();
			for (long num = start; num < stop; num++) {
				long n = num;
				allTask.add(executor.submit("fib(" + n + ")", () -> fib(n))); // @processes-submit
			}
			for (TracedFuture<Long> future : Futures.asCompleted(allTask)) { // @processes-as-completed
				long data = future.result(); // @processes-result
				print("exe result:", data); // @processes-print
			}
		} // @processes
		double processes = time() - startTime; // @processes-time
		print(String.format("processes: %.2f s, speed-up %.1f", processes, serial / processes)); // @processes-elapsed
	}

	// ---- how ThreadLab runs it ----

	public CpuBoundScenario() {
		super(lesson("cpu-bound", PARAMETERS, CpuBoundScenario::launch)
			.variant("default", Map.of("start", 29, "stop", 38, "workers", 3))
			.variant("small", Map.of("start", 25, "stop", 34, "workers", 3))
			// main, then a pool of threads, then the process pool's manager thread and a pipe reader per worker;
			// at its peak each worker process computes on a core of its own
			.cost(p -> waiting(2 + 2 * (int) p.integer("workers")).withProcesses((int) p.integer("workers"))
				.computing((int) p.integer("workers"), (int) p.integer("workers"))));
	}

	/**
	 * Runs fib a moment before the program, so that the JVM has compiled it when the timing starts: without
	 * it the serial part alone would pay for the compiling (some 0.2 s in a fresh server), and the threads
	 * would look faster than it. CPython has nothing to compile. The worker processes are new JVMs and
	 * compile fib themselves: that is part of their start, as it is.
	 */
	static void launch(Params p) throws Exception {
		for (int i = 0; i < 3; i++) {
			fib(27);
		}
		main(p);
	}

}
