package org.threadlab.builtins;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of the values scenario code prints: {@code True},
 * {@code None}, {@code 2.0}, {@code 1e+16}, {@code 'a'}, {@code [1, 'a']}, {@code {'k': 22}},
 * {@code (1,)}. A Java array stands for a tuple. An object may say itself ({@link PyValue}); anything
 * else prints its own text. Stateless.
 */
public final class PyRepr {

	private PyRepr() {
	}

	/** A value that prints itself the Python way. */
	public interface PyValue {

		String pyRepr();

		default String pyStr() {
			return pyRepr();
		}

	}

	/** {@code str(value)}: what {@code print} shows. */
	public static String str(Object value) {
		if (value instanceof String s) {
			return s;
		}
		if (value instanceof PyValue v) {
			return v.pyStr();
		}
		if (value instanceof Throwable t) {
			return t instanceof PyException py ? nullToEmpty(py.getMessage()) : nullToEmpty(t.getMessage());
		}
		return repr(value);
	}

	/** {@code repr(value)}: how it shows inside a list or a dict. */
	public static String repr(Object value) {
		if (value == null) {
			return "None";
		}
		if (value instanceof Boolean b) {
			return b ? "True" : "False";
		}
		if (value instanceof Double || value instanceof Float) {
			return floatRepr(((Number) value).doubleValue());
		}
		if (value instanceof Number || value instanceof BigDecimal) {
			return value.toString();
		}
		if (value instanceof CharSequence s) {
			return stringRepr(s.toString());
		}
		if (value instanceof Character c) {
			return stringRepr(c.toString());
		}
		if (value instanceof PyValue v) {
			return v.pyRepr();
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder out = new StringBuilder("{");
			Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
			while (entries.hasNext()) {
				Map.Entry<?, ?> entry = entries.next();
				out.append(repr(entry.getKey())).append(": ").append(repr(entry.getValue()));
				if (entries.hasNext()) {
					out.append(", ");
				}
			}
			return out.append('}').toString();
		}
		if (value instanceof java.util.Set<?> set) {
			return set.isEmpty() ? "set()" : join("{", set, "}");
		}
		if (value instanceof Collection<?> list) {
			return join("[", list, "]");
		}
		if (value instanceof Object[] tuple) {
			return tuple.length == 1 ? "(" + repr(tuple[0]) + ",)" : join("(", java.util.List.of(tuple), ")");
		}
		if (value instanceof Throwable t) {
			String name = PyErrors.describe(t);
			int colon = name.indexOf(':');
			String type = colon < 0 ? name : name.substring(0, colon);
			String message = t.getMessage();
			return type + "(" + (message == null ? "" : stringRepr(message)) + ")";
		}
		return value.toString();
	}

	private static String join(String open, Collection<?> items, String close) {
		StringBuilder out = new StringBuilder(open);
		Iterator<?> it = items.iterator();
		while (it.hasNext()) {
			out.append(repr(it.next()));
			if (it.hasNext()) {
				out.append(", ");
			}
		}
		return out.append(close).toString();
	}

	/** Python's repr of a float: the shortest digits, fixed from 1e-4 up to (not including) 1e16, else scientific. */
	static String floatRepr(double d) {
		if (Double.isNaN(d)) {
			return "nan";
		}
		if (Double.isInfinite(d)) {
			return d > 0 ? "inf" : "-inf";
		}
		if (d == 0) {
			return (1 / d < 0) ? "-0.0" : "0.0";
		}
		BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
		int exponent = exact.precision() - exact.scale() - 1; // of the first digit
		if (exponent >= -4 && exponent < 16) {
			String plain = exact.toPlainString();
			return plain.contains(".") ? plain : plain + ".0";
		}
		String digits = exact.unscaledValue().abs().toString();
		String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
		String sign = exponent < 0 ? "-" : "+";
		String exp = String.valueOf(Math.abs(exponent));
		return (d < 0 ? "-" : "") + mantissa + "e" + sign + (exp.length() < 2 ? "0" + exp : exp);
	}

	/** Python's repr of a str: single quotes unless it holds one and no double quote. */
	static String stringRepr(String s) {
		char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
		StringBuilder out = new StringBuilder().append(quote);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c == quote) {
						out.append('\\');
					}
					out.append(c);
				}
			}
		}
		return out.append(quote).toString();
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

}
