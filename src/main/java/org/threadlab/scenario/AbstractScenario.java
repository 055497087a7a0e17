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

	protected AbstractScenario(String id, Section section, List<ParameterSpec> parameters) {
		this.id = id;
		this.section = section;
		this.parameters = List.copyOf(parameters);
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
