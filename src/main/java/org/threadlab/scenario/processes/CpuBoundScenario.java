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
 *: about.1
 *: about.2
 */
public final class CpuBoundScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.integer("start", 25, 1, 39),
			ParameterSpec.integer("stop", 40, 2, 40),
			ParameterSpec.integer("workers", 3, 1, 4));

	//: the-program

	static long fib(long n) throws InterruptedException {
		backEdge(); //: a-call // @fib
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
			fib(num); //: one-after-another // @serial
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

	//: how-threadlab-runs-it

	public CpuBoundScenario() {
		super(lesson("cpu-bound", PARAMETERS, CpuBoundScenario::launch)
			.variant("default", Map.of("start", 25, "stop", 40, "workers", 3))
			.variant("quick", Map.of("start", 29, "stop", 38, "workers", 3))
			.variant("small", Map.of("start", 25, "stop", 34, "workers", 3))
			//: cost.1
			//: cost.2
			.cost(p -> waiting(2 + 2 * (int) p.integer("workers")).withProcesses((int) p.integer("workers"))
				.computing((int) p.integer("workers"), (int) p.integer("workers"))));
	}

	/**
	 *: warm-up.1
	 *: warm-up.2
	 *: warm-up.3
	 *: warm-up.4
	 */
	static void launch(Params p) throws Exception {
		for (int i = 0; i < 3; i++) {
			fib(27);
		}
		main(p);
	}

}
