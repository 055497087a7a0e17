package org.threadlab.scenario;

import java.util.Collection;

/**
 * A run request named a parameter that does not exist or gave one a value outside its bounds. The
 * message names the parameter and what it accepts; no run starts.
 */
public final class BadParameterException extends IllegalArgumentException {

	private final String parameter;

	private final transient ParameterSpec spec;

	private BadParameterException(String message, String parameter, ParameterSpec spec) {
		super(message);
		this.parameter = parameter;
		this.spec = spec;
	}

	static BadParameterException outOfBounds(ParameterSpec spec, Object raw, String expected) {
		String wanted = expected == null ? spec.bounds() : expected + (spec.type() == ParameterSpec.Type.BOOLEAN ? "" : ", " + spec.bounds());
		return new BadParameterException(
				"Parameter '" + spec.name() + "' must be " + wanted + "; got " + quote(raw) + ".", spec.name(), spec);
	}

	static BadParameterException unknown(String name, Collection<String> known) {
		return new BadParameterException("Unknown parameter '" + name + "'; this scenario takes: "
				+ String.join(", ", known) + ".", name, null);
	}

	private static String quote(Object raw) {
		return raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
	}

	/** The parameter's name. */
	public String parameter() {
		return parameter;
	}

	/** The parameter's spec, or null when the name is unknown. */
	public ParameterSpec spec() {
		return spec;
	}

}
