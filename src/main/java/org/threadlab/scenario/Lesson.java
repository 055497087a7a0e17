package org.threadlab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How ThreadLab runs one lesson, as its scenario class declares it in a few lines: the id (which names its
 * {@link Section}), its parameters, the program to run, the variants a page offers, what a run costs and the
 * name of its main actor. Made in the scenario's constructor ({@link AbstractScenario#lesson}), each method
 * returning a new declaration; immutable, safe from any thread.
 *
 * @param variants named sets of parameter values, in the order declared
 */
public record Lesson(String id, Section section, List<ParameterSpec> parameters, Program program,
		Map<String, Map<String, Object>> variants, Function<Params, RunCost> cost, Function<Params, String> mainName) {

	/** A lesson's program: runs on the run's main thread and may block, start threads and processes. */
	@FunctionalInterface
	public interface Program {

		void run(Params params) throws Exception;

	}

	public Lesson {
		parameters = List.copyOf(parameters);
		variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
	}

	/**
	 * A lesson with no variants, whose run is a handful of threads that wait ({@link Scenario#cost}) and whose
	 * main actor is "main".
	 * @throws IllegalArgumentException if no section plans this id
	 */
	public static Lesson of(String id, List<ParameterSpec> parameters, Program program) {
		return new Lesson(id, Section.planning(id), parameters, program, Map.of(), params -> RunCost.waiting(4),
				params -> "main");
	}

	/** The same lesson with one more variant: these values in one click ("daemon": daemon threads, no join). */
	public Lesson variant(String name, Map<String, Object> values) {
		Map<String, Map<String, Object>> more = new LinkedHashMap<>(variants);
		if (more.put(name, Map.copyOf(values)) != null) {
			throw new IllegalArgumentException(id + " has two variants named " + name);
		}
		return new Lesson(id, section, parameters, program, more, cost, mainName);
	}

	/** The same lesson, whatever its parameters costing this. */
	public Lesson cost(RunCost fixed) {
		return cost(params -> fixed);
	}

	/** The same lesson, costing what {@code cost} says for a run's parameters; see {@link Scenario#cost}. */
	public Lesson cost(Function<Params, RunCost> cost) {
		return new Lesson(id, section, parameters, program, variants, cost, mainName);
	}

	/** The same lesson with another name for its main actor ("launcher" when the script is a process of its own). */
	public Lesson mainName(String name) {
		return mainName(params -> name);
	}

	/** The same lesson, its main actor named by a run's parameters. */
	public Lesson mainName(Function<Params, String> mainName) {
		return new Lesson(id, section, parameters, program, variants, cost, mainName);
	}

}
