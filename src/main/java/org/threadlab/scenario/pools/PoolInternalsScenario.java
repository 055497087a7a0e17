package org.threadlab.scenario.pools;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.threadlab.futures.TracedExecutor;
import org.threadlab.futures.TracedFuture;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class PoolInternalsScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.integer("workers", 2, 1, 5),
			ParameterSpec.integer("tasks", 5, 1, 12),
			ParameterSpec.decimal("submitEvery", 0.5, 0, 5),
			ParameterSpec.flag("reuseIdle", true));

	//: the-program

	static long getHtml(long times) throws InterruptedException {
		sleep(times); // @get-html-sleep
		print("get page " + times + " success"); // @get-html-print
		return times;
	}

	static void main(Params p) throws Exception {
		List<TracedFuture<Long>> futures = new ArrayList<>();
		//: reuse-idle
		try (var executor = new TracedExecutor((int) p.integer("workers"), p.flag("reuseIdle"))) { // @pool
			for (long i = 0; i < p.integer("tasks"); i++) {
				long seconds = 2 + i % 3;
				//: submit
				futures.add(executor.submit("get_html(" + seconds + ")", () -> getHtml(seconds))); // @submit
				sleep(p.decimal("submitEvery")); //: slow // @submit-every
			}
			print("workers started:", executor.workers(), "of at most", executor.maxWorkers()); // @workers
		} //: shutdown-java // @pool
		for (TracedFuture<Long> future : futures) {
			print(future.name(), future.state(), future.result()); // @report
		}
	}

	//: how-threadlab-runs-it

	public PoolInternalsScenario() {
		super(lesson("pool-internals", PARAMETERS, PoolInternalsScenario::main)
			.variant("cpython", Map.of("reuseIdle", true, "workers", 5, "tasks", 5, "submitEvery", 5))
			.variant("tutorial", Map.of("reuseIdle", false, "workers", 2, "tasks", 5, "submitEvery", 0.5))
			//: cost
			.cost(p -> waiting(1 + (int) p.integer("workers"))));
	}

}
