package org.threadlab.scenario.processes;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;
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
public final class IoBoundScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.integer("tasks", 30, 1, 60),
			ParameterSpec.decimal("seconds", 0.2, 0.05, 2),
			ParameterSpec.integer("workers", 3, 1, 4));

	//: the-program

	static Number randomSleep(Number n) throws InterruptedException {
		sleep(n.doubleValue()); // @random-sleep
		return n;
	}

	static void main(Params p) throws Exception {
		Number seconds = asWritten(p.decimal("seconds"));
		long tasks = p.integer("tasks");
		int workers = (int) p.integer("workers");

		double startTime = time(); // @threads-start
		try (var executor = new TracedExecutor(workers)) { // @threads
			List<TracedFuture<Number>> allTask = new ArrayList<>();
			for (long i = 0; i < tasks; i++) {
				allTask.add(executor.submit("random_sleep(" + seconds + ")", () -> randomSleep(seconds))); // @threads-submit
			}
			for (TracedFuture<Number> future : Futures.asCompleted(allTask)) { // @threads-as-completed
				Number data = future.result(); // @threads-result
				print("exe result:", data); // @threads-print
			}
		} // @threads
		print(String.format("threads: last time is: %.2f s", time() - startTime)); // @threads-elapsed

		startTime = time(); // @processes-start
		try (var executor = new ProcessPoolExecutor(workers)) { // @processes
			List<TracedFuture<Number>> allTask = new ArrayList<>();
			for (long i = 0; i < tasks; i++) {
				allTask.add(executor.submit("random_sleep(" + seconds + ")", () -> randomSleep(seconds))); // @processes-submit
			}
			for (TracedFuture<Number> future : Futures.asCompleted(allTask)) { // @processes-as-completed
				Number data = future.result(); // @processes-result
				print("exe result:", data); // @processes-print
			}
		} // @processes
		print(String.format("processes: last time is: %.2f s", time() - startTime)); // @processes-elapsed
	}

	//: how-threadlab-runs-it

	public IoBoundScenario() {
		super(lesson("io-bound", PARAMETERS, IoBoundScenario::main)
			.variant("short", Map.of("tasks", 30, "seconds", 0.2, "workers", 3))
			.variant("tutorial", Map.of("tasks", 30, "seconds", 2, "workers", 3))
			//: cost
			.cost(p -> waiting(2 + 2 * (int) p.integer("workers")).withProcesses((int) p.integer("workers"))));
	}

	/**: as-written */
	static Number asWritten(double seconds) {
		return seconds == Math.rint(seconds) ? (Number) (long) seconds : (Number) seconds;
	}

}
