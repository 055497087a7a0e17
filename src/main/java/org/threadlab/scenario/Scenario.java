package org.threadlab.scenario;

import java.util.List;
import java.util.Map;

/**
 * One lesson of the tutorial as a program that really runs. Adding a scenario is one class in a
 * sub-package of this one (found by {@link ScenarioCatalog}, so it needs a public no-argument
 * constructor) plus its texts under {@code resources/scenarios/<id>/}. Implementations keep no state:
 * one instance serves every run, each run on its own main thread.
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

	/** The main program; runs on the run's main thread and may block, start threads and processes. */
	void run(Params params) throws Exception;

}
