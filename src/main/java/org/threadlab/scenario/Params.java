package org.threadlab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's checked parameter values: every parameter it declares, each within its bounds, the
 * tutorial's value where the request left it out. Immutable.
 */
public final class Params {

	private final Map<String, Object> values;

	private Params(Map<String, Object> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	/**
	 * Checks a request's values against the specs.
	 * @throws BadParameterException naming the first unknown or out-of-bounds parameter
	 */
	public static Params parse(List<ParameterSpec> specs, Map<String, ?> raw) {
		return parse(specs, raw, false);
	}

	/**
	 * Checks a request's values that came as JSON: as {@link #parse}, and each value must be of its
	 * JSON type (a number, {@code true} or {@code false}), not the text of one.
	 * @throws BadParameterException naming the first unknown, mistyped or out-of-bounds parameter
	 */
	public static Params parseJson(List<ParameterSpec> specs, Map<String, ?> raw) {
		return parse(specs, raw, true);
	}

	private static Params parse(List<ParameterSpec> specs, Map<String, ?> raw, boolean json) {
		Map<String, ParameterSpec> byName = new LinkedHashMap<>();
		specs.forEach(spec -> byName.put(spec.name(), spec));
		for (String name : raw.keySet()) {
			if (!byName.containsKey(name)) {
				throw BadParameterException.unknown(name, byName.keySet());
			}
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (ParameterSpec spec : specs) {
			Object given = raw.get(spec.name());
			values.put(spec.name(),
					given == null ? spec.defaultValue() : json ? spec.acceptJson(given) : spec.accept(given));
		}
		return new Params(values);
	}

	public static Params defaults(List<ParameterSpec> specs) {
		return parse(specs, Map.of());
	}

	public double decimal(String name) {
		return ((Number) get(name)).doubleValue();
	}

	public long integer(String name) {
		return ((Number) get(name)).longValue();
	}

	public boolean flag(String name) {
		return (Boolean) get(name);
	}

	/** The values as text, to pass to a child process, which parses them with the same specs. */
	public Map<String, String> asStrings() {
		Map<String, String> strings = new LinkedHashMap<>();
		values.forEach((name, value) -> strings.put(name, String.valueOf(value)));
		return strings;
	}

	public Map<String, Object> asMap() {
		return values;
	}

	private Object get(String name) {
		Object value = values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("no parameter named " + name);
		}
		return value;
	}

}
