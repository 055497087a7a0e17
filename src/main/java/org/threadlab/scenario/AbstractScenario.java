package org.threadlab.scenario;

import java.util.List;
import java.util.Map;

/**
 * A scenario as its class declares it: the program, and a {@link Lesson} made in its constructor that says
 * in a few lines how ThreadLab runs it — its id, parameters, variants, cost and main actor — so a scenario
 * class holds little but its program. Immutable; one instance serves every run.
 */
public abstract class AbstractScenario implements Scenario {

	/** Below this many steps a loop is too short to count as CPU-bound: {@link RunCost#BUSY_STEPS}. */
	protected static final long BUSY_STEPS = RunCost.BUSY_STEPS;

	private final Lesson lesson;

	protected AbstractScenario(Lesson lesson) {
		this.lesson = lesson;
	}

	/** The declaration of a lesson, for a scenario's constructor: {@link Lesson#of}. */
	protected static Lesson lesson(String id, List<ParameterSpec> parameters, Lesson.Program program) {
		return Lesson.of(id, parameters, program);
	}

	/**
	 * The cost of a run of {@code threads} server threads that mostly wait; see {@link RunCost}. (A
	 * scenario's source is its Java listing: it need not import {@code RunCost} for its cost.)
	 */
	protected static RunCost waiting(int threads) {
		return RunCost.waiting(threads);
	}

	@Override
	public final String id() {
		return lesson.id();
	}

	@Override
	public final Section section() {
		return lesson.section();
	}

	@Override
	public final List<ParameterSpec> parameters() {
		return lesson.parameters();
	}

	@Override
	public final Map<String, Map<String, Object>> variants() {
		return lesson.variants();
	}

	@Override
	public final String mainName(Params params) {
		return lesson.mainName().apply(params);
	}

	@Override
	public final RunCost cost(Params params) {
		return lesson.cost().apply(params);
	}

	@Override
	public final void run(Params params) throws Exception {
		lesson.program().run(params);
	}

}
