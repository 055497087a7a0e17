package org.threadlab.scenario;

import java.util.List;
import java.util.Map;

/**
 * One lesson of the tutorial as a program that really runs. Adding a scenario is one class in a
 * sub-package of this one, an {@link AbstractScenario} declaring its {@link Lesson} (found by
 * {@link ScenarioCatalog}, so it needs a public no-argument constructor), plus its listing and texts under
 * {@code resources/scenarios/<id>/}: docs/adding-a-lesson.md. Implementations keep no state: one instance
 * serves every run, each run on its own main thread.
 */
public interface Scenario {

	/** The id in URLs and run requests, as in DESIGN.md's catalog: "thread-target". */
	String id();

	Section section();

	List<ParameterSpec> parameters();

	/** Named sets of parameter values the page offers as one click ("daemon": daemon threads, no join). */
	default Map<String, Map<String, Object>> variants() {
		return Map.of();
	}

	/** The name of the run's main actor (Python's "MainThread" is "main" here). */
	default String mainName(Params params) {
		return "main";
	}

	/**
	 * What a run with these parameters uses at its peak: its threads, its child processes, its CPU-bound
	 * work. The server admits runs by it, so it must not be less than the run really uses; the default
	 * is a handful of threads that wait. A scenario that computes, or starts processes, says so here.
	 */
	default RunCost cost(Params params) {
		return RunCost.waiting(4);
	}

	/** The main program; runs on the run's main thread and may block, start threads and processes. */
	void run(Params params) throws Exception;

}
