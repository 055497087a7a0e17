package org.threadlab.scenario;

import java.util.List;

/**
 * What every scenario declares in the same way — its id, its section, its parameters — so that a
 * scenario class holds little but its program and how ThreadLab runs it. Immutable.
 */
public abstract class AbstractScenario implements Scenario {

	private final String id;

	private final Section section;

	private final List<ParameterSpec> parameters;

	/** Below this many steps a loop is too short to count as CPU-bound: {@link RunCost#BUSY_STEPS}. */
	protected static final long BUSY_STEPS = RunCost.BUSY_STEPS;

	protected AbstractScenario(String id, Section section, List<ParameterSpec> parameters) {
		this.id = id;
		this.section = section;
		this.parameters = List.copyOf(parameters);
	}

	/**
	 * The cost of a run of {@code threads} server threads that mostly wait; see {@link RunCost}. (A
	 * scenario's source is its Java listing: it names {@code RunCost} in full in its {@code cost} rather
	 * than import it, so that no line of its program moves.)
	 */
	protected static RunCost waiting(int threads) {
		return RunCost.waiting(threads);
	}

	@Override
	public final String id() {
		return id;
	}

	@Override
	public final Section section() {
		return section;
	}

	@Override
	public final List<ParameterSpec> parameters() {
		return parameters;
	}

}
