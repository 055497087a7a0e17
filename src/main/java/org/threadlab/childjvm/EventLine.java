package org.threadlab.childjvm;

import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.EventOrigins;

/**
 * The text form of an event on a child's pipe: one line, tab-separated, with tabs, newlines and
 * backslashes escaped:
 * {@code timeNs actor KIND object value line cause seq pid}, the last the pid of the process that
 * recorded it (processes share a pipe when one forks: see {@link org.threadlab.multiprocessing.Os#fork}). A
 * line stays under {@value #MAX_BYTES} bytes (a long value is cut), so that one write of it is atomic
 * on a pipe that several processes write. A value is tagged by its first character:
 * {@code -} null, {@code s} text, {@code l} integer, {@code d} decimal, {@code b} boolean,
 * {@code a} an actor ({@code id,type,pid,parent,daemon,name}), {@code j} a map or list as JSON.
 * A cause is {@code -1} (none), a {@code seq} of the same process, or {@code pid:seq}: event
 * {@code seq} as process {@code pid} numbered it (a cause in another process, {@link EventOrigins}).
 * Stateless; safe from any thread.
 */
public final class EventLine {

	/** At most this many bytes (UTF-8) a line: under PIPE_BUF (4096), whose writes no other writer splits. */
	static final int MAX_BYTES = 3500;

	/** A decoded line: the event, and the process that recorded it (-1 for a line without one). */
	public record Decoded(Event event, long pid) {
	}

	private EventLine() {
	}

	public static String encode(Event e) {
		return encode(e, -1);
	}

	/** The line of an event that process {@code pid} recorded. */
	public static String encode(Event e, long pid) {
		String value = encodeValue(e.value());
		if (value.startsWith("s") && value.length() > MAX_BYTES / 4) { // at most 4 bytes a char: cut long text
			value = value.substring(0, MAX_BYTES / 4) + "…";
		}
		String object = e.object() == null ? "-" : "s" + escape(e.object());
		if (object.length() > 200) {
			object = object.substring(0, 200) + "…";
		}
		return e.timeNs() + "\t" + e.actor() + "\t" + e.kind() + "\t" + object + "\t" + value + "\t" + e.line() + "\t"
				+ encodeCause(e.cause()) + "\t" + e.seq() + (pid >= 0 ? "\t" + pid : "");
	}

	/** Decodes a line with the pid of the process that recorded it (-1 if the line does not say). */
	public static Decoded decodeLine(String line) {
		int last = line.lastIndexOf('\t');
		long pid = -1;
		String event = line;
		if (line.chars().filter(c -> c == '\t').count() == 8) {
			pid = Long.parseLong(line.substring(last + 1));
			event = line.substring(0, last);
		}
		return new Decoded(decode(event), pid);
	}

	/**
	 * Decodes a line; {@code seq} is the child's own sequence number and a plain {@code cause} refers to
	 * those; a cause in another process comes back as {@link EventOrigins#foreign}.
	 */
	public static Event decode(String line) {
		String[] f = line.split("\t", -1);
		if (f.length != 8) {
			throw new IllegalArgumentException("not an event line: " + line);
		}
		String object = f[3].equals("-") ? null : unescape(f[3].substring(1));
		return new Event(Long.parseLong(f[7]), Long.parseLong(f[0]), Integer.parseInt(f[1]), EventKind.valueOf(f[2]),
				object, decodeValue(f[4]), Integer.parseInt(f[5]), decodeCause(f[6]));
	}

	private static String encodeCause(long cause) {
		if (EventOrigins.isForeign(cause)) {
			return EventOrigins.pidOf(cause) + ":" + EventOrigins.seqOf(cause);
		}
		return Long.toString(cause);
	}

	private static long decodeCause(String f) {
		int colon = f.indexOf(':');
		if (colon < 0) {
			return Long.parseLong(f);
		}
		return EventOrigins.foreign(Long.parseLong(f.substring(0, colon)), Long.parseLong(f.substring(colon + 1)));
	}

	private static String encodeValue(Object v) {
		if (v == null) {
			return "-";
		}
		if (v instanceof Long || v instanceof Integer) {
			return "l" + v;
		}
		if (v instanceof Double || v instanceof Float) {
			return "d" + v;
		}
		if (v instanceof Boolean) {
			return "b" + v;
		}
		if (v instanceof ActorInfo a) {
			return "a" + a.id() + "," + a.type() + "," + a.pid() + "," + a.parent() + "," + a.daemon() + ","
					+ escape(a.name());
		}
		if (v instanceof java.util.Map<?, ?> || v instanceof java.util.Collection<?>) {
			return "j" + escape(JsonText.encode(v));
		}
		return "s" + escape(String.valueOf(v));
	}

	private static Object decodeValue(String f) {
		String body = f.substring(1);
		return switch (f.charAt(0)) {
			case '-' -> null;
			case 'l' -> Long.parseLong(body);
			case 'd' -> Double.parseDouble(body);
			case 'b' -> Boolean.parseBoolean(body);
			case 'a' -> {
				String[] a = body.split(",", 6);
				yield new ActorInfo(Integer.parseInt(a[0]), unescape(a[5]), ActorInfo.Type.valueOf(a[1]),
						Long.parseLong(a[2]), Integer.parseInt(a[3]), Boolean.parseBoolean(a[4]));
			}
			case 's' -> unescape(body);
			case 'j' -> JsonText.decode(unescape(body));
			default -> throw new IllegalArgumentException("unknown value tag in " + f);
		};
	}

	static String escape(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	static String unescape(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\' && i + 1 < s.length()) {
				char n = s.charAt(++i);
				out.append(switch (n) {
					case 't' -> '\t';
					case 'n' -> '\n';
					case 'r' -> '\r';
					default -> n;
				});
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
