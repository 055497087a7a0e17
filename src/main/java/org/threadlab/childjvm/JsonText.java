package org.threadlab.childjvm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON an event's value needs on a child's pipe (maps with text keys, lists, text, whole and
 * decimal numbers, booleans, null), so that a child's {@code CREATE} or watchdog finding reaches the
 * parent as the same map it would be there. JDK only: a child loads no JSON library. Decoding gives
 * {@link LinkedHashMap}, {@link ArrayList}, {@link String}, {@link Long}, {@link Double}, {@link Boolean}
 * or null. Stateless; safe from any thread.
 */
final class JsonText {

	private JsonText() {
	}

	static String encode(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object v, StringBuilder out) {
		if (v == null) {
			out.append("null");
		}
		else if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof Short
				|| v instanceof Byte) {
			out.append(v);
		}
		else if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
			out.append(d);
		}
		else if (v instanceof Float f && !f.isNaN() && !f.isInfinite()) {
			out.append(f.doubleValue());
		}
		else if (v instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				writeText(String.valueOf(e.getKey()), out);
				out.append(':');
				write(e.getValue(), out);
			}
			out.append('}');
		}
		else if (v instanceof Collection<?> list) {
			out.append('[');
			boolean first = true;
			for (Object item : list) {
				if (!first) {
					out.append(',');
				}
				first = false;
				write(item, out);
			}
			out.append(']');
		}
		else {
			writeText(String.valueOf(v), out);
		}
	}

	private static void writeText(String s, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	static Object decode(String text) {
		Parser parser = new Parser(text);
		Object value = parser.value();
		parser.skipSpace();
		if (parser.at < text.length()) {
			throw parser.error("trailing text");
		}
		return value;
	}

	private static final class Parser {

		private final String s;

		private int at;

		Parser(String s) {
			this.s = s;
		}

		Object value() {
			skipSpace();
			if (at >= s.length()) {
				throw error("no value");
			}
			char c = s.charAt(at);
			switch (c) {
				case '{':
					return object();
				case '[':
					return array();
				case '"':
					return text();
				case 't':
					return word("true", Boolean.TRUE);
				case 'f':
					return word("false", Boolean.FALSE);
				case 'n':
					return word("null", null);
				default:
					return number();
			}
		}

		private Map<String, Object> object() {
			Map<String, Object> map = new LinkedHashMap<>();
			at++;
			skipSpace();
			if (peek() == '}') {
				at++;
				return map;
			}
			while (true) {
				skipSpace();
				String key = text();
				skipSpace();
				expect(':');
				map.put(key, value());
				skipSpace();
				if (peek() == ',') {
					at++;
					continue;
				}
				expect('}');
				return map;
			}
		}

		private List<Object> array() {
			List<Object> list = new ArrayList<>();
			at++;
			skipSpace();
			if (peek() == ']') {
				at++;
				return list;
			}
			while (true) {
				list.add(value());
				skipSpace();
				if (peek() == ',') {
					at++;
					continue;
				}
				expect(']');
				return list;
			}
		}

		private String text() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				if (at >= s.length()) {
					throw error("unterminated text");
				}
				char c = s.charAt(at++);
				if (c == '"') {
					return out.toString();
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char e = s.charAt(at++);
				switch (e) {
					case 'n' -> out.append('\n');
					case 'r' -> out.append('\r');
					case 't' -> out.append('\t');
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'u' -> {
						out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
						at += 4;
					}
					default -> out.append(e);
				}
			}
		}

		private Object number() {
			int start = at;
			while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
				at++;
			}
			String n = s.substring(start, at);
			if (n.isEmpty()) {
				throw error("unexpected character");
			}
			boolean decimal = n.indexOf('.') >= 0 || n.indexOf('e') >= 0 || n.indexOf('E') >= 0;
			return decimal ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
		}

		private Object word(String word, Object value) {
			if (!s.startsWith(word, at)) {
				throw error("unexpected word");
			}
			at += word.length();
			return value;
		}

		private char peek() {
			return at < s.length() ? s.charAt(at) : '\0';
		}

		private void expect(char c) {
			if (peek() != c) {
				throw error("expected " + c);
			}
			at++;
		}

		void skipSpace() {
			while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
				at++;
			}
		}

		IllegalArgumentException error(String what) {
			return new IllegalArgumentException(what + " at " + at + " in " + s);
		}

	}

}
