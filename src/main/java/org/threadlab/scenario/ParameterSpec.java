package org.threadlab.scenario;

import java.math.BigDecimal;

/**
 * One parameter a scenario takes, with its type, default and bounds. Immutable.
 *
 * @param name the key in a run request and in the texts ({@code param.<name>})
 * @param type what values it takes
 * @param defaultValue its value when a request leaves it out: the tutorial's value
 * @param min the smallest value allowed (numbers only)
 * @param max the largest value allowed (numbers only)
 */
public record ParameterSpec(String name, Type type, Object defaultValue, double min, double max) {

	public enum Type {
		INTEGER, DECIMAL, BOOLEAN
	}

	public static ParameterSpec decimal(String name, double defaultValue, double min, double max) {
		return new ParameterSpec(name, Type.DECIMAL, defaultValue, min, max);
	}

	public static ParameterSpec integer(String name, long defaultValue, long min, long max) {
		return new ParameterSpec(name, Type.INTEGER, defaultValue, min, max);
	}

	public static ParameterSpec flag(String name, boolean defaultValue) {
		return new ParameterSpec(name, Type.BOOLEAN, defaultValue, 0, 1);
	}

	/** Turns a value from a request (a JSON value or the text of a child's argument) into a checked value. */
	public Object accept(Object raw) {
		return switch (type) {
			case BOOLEAN -> acceptFlag(raw);
			case INTEGER -> {
				BigDecimal number = number(raw);
				if (number.stripTrailingZeros().scale() > 0) {
					throw refuse(raw, "a whole number");
				}
				yield (long) inBounds(number, raw);
			}
			case DECIMAL -> inBounds(number(raw), raw);
		};
	}

	/**
	 * As {@link #accept}, for a value that came as JSON: a number must be a JSON number and a flag
	 * {@code true} or {@code false}, never their text ({@code "5"}, {@code "false"}).
	 */
	public Object acceptJson(Object raw) {
		boolean rightType = type == Type.BOOLEAN ? raw instanceof Boolean : raw instanceof Number;
		if (!rightType) {
			throw refuse(raw, switch (type) {
				case BOOLEAN -> "true or false";
				case INTEGER -> "a whole number";
				case DECIMAL -> "a number";
			});
		}
		return accept(raw);
	}

	private boolean acceptFlag(Object raw) {
		if (raw instanceof Boolean b) {
			return b;
		}
		if ("true".equals(raw) || "false".equals(raw)) {
			return Boolean.parseBoolean((String) raw);
		}
		throw refuse(raw, "true or false");
	}

	private BigDecimal number(Object raw) {
		try {
			if (raw instanceof Number n) {
				return new BigDecimal(n.toString());
			}
			if (raw instanceof String s) {
				return new BigDecimal(s.trim());
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw refuse(raw, type == Type.INTEGER ? "a whole number" : "a number");
	}

	private double inBounds(BigDecimal number, Object raw) {
		double value = number.doubleValue();
		if (!(value >= min && value <= max)) {
			throw refuse(raw, null);
		}
		return value;
	}

	private BadParameterException refuse(Object raw, String expected) {
		return BadParameterException.outOfBounds(this, raw, expected);
	}

	/** The smallest value as text, without trailing zeros: "0.1", "10". */
	public String minText() {
		return plain(min);
	}

	public String maxText() {
		return plain(max);
	}

	private static String plain(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/** The bounds as a reader would write them in English: "0.1 to 10". */
	public String bounds() {
		return switch (type) {
			case BOOLEAN -> "true or false";
			case INTEGER, DECIMAL -> minText() + " to " + maxText();
		};
	}

}
