package org.threadlab.scenario.pools;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.Iterator;
import java.util.List;

import org.threadlab.futures.TracedExecutor;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class ExecutorMapScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(ParameterSpec.integer("workers", 2, 1, 5));

	//: the-program

	static long getHtml(long times) throws InterruptedException {
		sleep(times); // @get-html-sleep
		print("get page " + times + " success"); // @get-html-print
		return times;
	}

	static void main(Params p) throws Exception {
		List<Long> urls = List.of(3L, 2L, 4L); //: forgotten-line
		try (var executor = new TracedExecutor((int) p.integer("workers"))) { // @pool
			Iterator<Long> results = executor.map(url -> "get_html(" + url + ")", url -> () -> getHtml(url), urls); // @map
			while (results.hasNext()) {
				long data = results.next(); // @map
				print("get " + data + " page"); //: submit-order // @print
			}
		} // @pool
	}

	//: how-threadlab-runs-it

	public ExecutorMapScenario() {
		super(lesson("executor-map", PARAMETERS, ExecutorMapScenario::main)
			//: cost
			.cost(p -> waiting(1 + (int) p.integer("workers"))));
	}

}
