package org.threadlab.scenario.pools;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.ArrayList;
import java.util.List;

import org.threadlab.futures.Futures;
import org.threadlab.futures.TracedExecutor;
import org.threadlab.futures.TracedFuture;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class AsCompletedScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(ParameterSpec.integer("workers", 2, 1, 5));

	//: the-program

	static long getHtml(long times) throws InterruptedException {
		sleep(times); // @get-html-sleep
		print("get page " + times + " success"); // @get-html-print
		return times;
	}

	static void main(Params p) throws Exception {
		try (var executor = new TracedExecutor((int) p.integer("workers"))) { // @pool
			List<TracedFuture<Long>> allTask = new ArrayList<>();
			for (long url : List.of(3L, 2L, 4L)) {
				allTask.add(executor.submit("get_html(" + url + ")", () -> getHtml(url))); // @submit
			}
			for (TracedFuture<Long> future : Futures.asCompleted(allTask)) { // @as-completed
				long data = future.result(); // @result
				print("get " + data + " page"); //: finish-order-java // @print
			}
		} // @pool
	}

	//: how-threadlab-runs-it

	public AsCompletedScenario() {
		super(lesson("as-completed", PARAMETERS, AsCompletedScenario::main)
			//: cost
			.cost(p -> waiting(1 + (int) p.integer("workers"))));
	}

}
