package org.threadlab.scenario.pools;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.ArrayList;
import java.util.List;

import org.threadlab.futures.TracedExecutor;
import org.threadlab.futures.TracedFuture;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.Section;

/** Tutorial §5.4: submit → work item → work queue → workers started on demand → futures set. */
public final class PoolInternalsScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.integer("workers", 2, 1, 5),
			ParameterSpec.integer("tasks", 5, 1, 12),
			ParameterSpec.decimal("submitEvery", 0.5, 0, 5));

	// ---- the program ----

	static void main(Params p) throws Exception {
		List<TracedFuture<Long>> futures = new ArrayList<>();
		try (var executor = new TracedExecutor((int) p.integer("workers"))) {
			for (long i = 0; i < p.integer("tasks"); i++) {
				long seconds = 2 + i % 3;
				// submit: a Future, a _WorkItem on the work queue, and a worker if fewer than max_workers
				futures.add(executor.submit("get_html(" + seconds + ")", () -> GetHtml.getHtml(seconds)));
				sleep(p.decimal("submitEvery")); // slow enough to watch each step
			}
			print("workers started:", executor.workers(), "of at most", executor.maxWorkers());
		} // shutdown(wait=True): a None on the queue stops each worker in turn
		for (TracedFuture<Long> future : futures) {
			print(future.name(), future.state(), future.result());
		}
	}

	// ---- how ThreadLab runs it ----

	public PoolInternalsScenario() {
		super("pool-internals", Section.THREAD_POOLS, PARAMETERS);
	}

	@Override
	public void run(Params params) throws Exception {
		main(params);
	}

	/** Main and the pool's workers, started on demand, never more than its maximum. */
	@Override
	public org.threadlab.scenario.RunCost cost(Params params) {
		return waiting(1 + (int) params.integer("workers"));
	}

}
