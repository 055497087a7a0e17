package org.threadlab.scenario.pools;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.List;
import java.util.Map;

import org.threadlab.futures.TracedExecutor;
import org.threadlab.futures.TracedFuture;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.Section;

/** Tutorial §5.1: submit returns a future at once; done, cancel and result. */
public final class FutureBasicsScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.flag("thirdTask", false),
			ParameterSpec.flag("raises", false));

	// ---- the program ----

	static void main(Params p) throws Exception {
		try (var executor = new TracedExecutor(2)) {
			// submit returns at once; the pool's two workers start on the two tasks
			TracedFuture<Long> task1 = executor.submit("get_html(3)", () -> GetHtml.getHtml(3));
			TracedFuture<Long> task2 = p.flag("raises")
					? executor.submit("broken_page(2)", () -> GetHtml.brokenPage(2))
					: executor.submit("get_html(2)", () -> GetHtml.getHtml(2));
			TracedFuture<Long> task3 = p.flag("thirdTask") ? executor.submit("get_html(4)", () -> GetHtml.getHtml(4)) : null;

			sleep(0.2); // a moment for the workers to pick up their tasks; without it, cancel races them
			print("task1 done:", task1.done());
			print("task2 cancelled:", task2.cancel()); // False: it is already running
			if (task3 != null) {
				print("task3 cancelled:", task3.cancel()); // True: it was still waiting in the queue
			}
			sleep(3.5); // the tutorial sleeps 3: a race with the 3-second task
			print("task1 done:", task1.done());
			print("task1 result:", task1.result());
			try {
				print("task2 result:", task2.result());
			}
			catch (IllegalStateException raised) {
				print("task2 raised:", raised.getMessage()); // the worker's exception, raised here
			}
			catch (TracedFuture.CancelledError cancelled) {
				print("task2 was cancelled before it started");
			}
		}
	}

	// ---- how ThreadLab runs it ----

	public FutureBasicsScenario() {
		super("future-basics", Section.THREAD_POOLS, PARAMETERS);
	}

	@Override
	public void run(Params params) throws Exception {
		main(params);
	}

	@Override
	public Map<String, Map<String, Object>> variants() {
		return Map.of("tutorial", Map.of("thirdTask", false, "raises", false),
				"queued", Map.of("thirdTask", true, "raises", false),
				"raises", Map.of("thirdTask", false, "raises", true));
	}

	/** Main and the pool's two workers. */
	@Override
	public org.threadlab.scenario.RunCost cost(Params params) {
		return waiting(3);
	}

}
