package org.threadlab.scenario.pools;

import static org.threadlab.probe.Py.print;

import java.util.Iterator;
import java.util.List;

import org.threadlab.futures.TracedExecutor;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.Section;

/** Tutorial §5.2.2: executor.map hands results over in the order the tasks were submitted. */
public final class ExecutorMapScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(ParameterSpec.integer("workers", 2, 1, 5));

	// ---- the program ----

	static void main(Params p) throws Exception {
		List<Long> urls = List.of(3L, 2L, 4L); // the tutorial forgot this line
		try (var executor = new TracedExecutor((int) p.integer("workers"))) {
			Iterator<Long> results = executor.map(url -> "get_html(" + url + ")", url -> () -> GetHtml.getHtml(url), urls);
			while (results.hasNext()) {
				print("get " + results.next() + " page"); // 3, 2, 4: the order submitted
			}
		}
	}

	// ---- how ThreadLab runs it ----

	public ExecutorMapScenario() {
		super("executor-map", Section.THREAD_POOLS, PARAMETERS);
	}

	@Override
	public void run(Params params) throws Exception {
		main(params);
	}

	/** Main and the pool's workers. */
	@Override
	public org.threadlab.scenario.RunCost cost(Params params) {
		return waiting(1 + (int) params.integer("workers"));
	}

}
