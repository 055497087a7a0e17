package org.threadlab.cpython;

import java.util.Map;
import java.util.Optional;

import org.threadlab.event.EventKind;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the CPython runner's trace lines ({@code \u001ev} and {@code \u001ec}) into {@link TraceLine}s:
 * the fields of the two tags that {@link RunnerLines}, the one parser of the runner's lines, reads as
 * {@link RunnerLines.Traced}. Pure and stateless: safe from any thread. Every other line (printed output,
 * the runner's other records) is not a trace line and is left to its own reader.
 */
public final class TraceLines {

	/** How the runner's environment asks for a trace: {@code THREADLAB_TRACE=1} beside {@code THREADLAB_STAMP}. */
	public static final String ENV = "THREADLAB_TRACE";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private TraceLines() {
	}

	/** Whether a raw line is one of the trace's (it may still be malformed). */
	public static boolean isTrace(String raw) {
		return raw.length() > 2 && raw.charAt(0) == '\u001e' && (raw.charAt(1) == 'v' || raw.charAt(1) == 'c')
				&& raw.charAt(2) == '\t';
	}

	/** The trace line a raw line holds; empty when it is not a trace line or is malformed (cut short, say). */
	public static Optional<TraceLine> parse(String raw) {
		if (!isTrace(raw)) {
			return Optional.empty();
		}
		return RunnerLines.parse(raw) instanceof RunnerLines.Traced traced ? Optional.of(traced.line()) : Optional.empty();
	}

	/** The cut a {@code c} line's fields say: its process wrote {@code text} events. */
	static Optional<TraceLine> cut(double t, String actor, String text) {
		try {
			return Optional.of(new TraceCut(t, actor, Long.parseLong(text.trim())));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** The event a {@code v} line's fields say; empty when its JSON is broken or its kind unknown. */
	static Optional<TraceLine> event(double t, String actor, String json) {
		Map<String, Object> fields;
		try {
			fields = JSON.readValue(json, OBJECT);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
		if (fields == null || !(fields.get("k") instanceof String kindName) || !(fields.get("id") instanceof String id)) {
			return Optional.empty();
		}
		EventKind kind;
		try {
			kind = EventKind.valueOf(kindName);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty(); // a kind this server does not know: a newer runner
		}
		Object value = fields.get("v");
		if (value instanceof Integer number) {
			value = number.longValue();
		}
		return Optional.of(new PythonEvent(t, actor, id, number(fields.get("p")), kind, text(fields.get("o")), value,
				(int) number(fields.get("l")), text(fields.get("c")),
				fields.get("d") instanceof Number depth ? depth.intValue() : null));
	}

	private static long number(Object value) {
		return value instanceof Number number ? number.longValue() : 0;
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

}
