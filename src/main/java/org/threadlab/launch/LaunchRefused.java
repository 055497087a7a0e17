package org.threadlab.launch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.threadlab.scenario.BadParameterException;

/**
 * A run request that was refused before anything started. {@code code} is stable for clients
 * ({@code unknown-scenario}, {@code bad-parameter}, {@code busy}); {@code details} name what was wrong
 * (the parameter and its bounds), so a page can say it in its own language.
 */
public final class LaunchRefused extends Exception {

	private final String code;

	private final transient Map<String, Object> details;

	public LaunchRefused(String code, String message, Map<String, Object> details) {
		super(message);
		this.code = code;
		this.details = Map.copyOf(details);
	}

	/** No scenario has this id. */
	public static LaunchRefused unknownScenario(String id) {
		return new LaunchRefused("unknown-scenario", "There is no scenario '" + id + "'.",
				Map.of("scenario", String.valueOf(id)));
	}

	/** A parameter or setting was refused: names it, and says what it takes, so a page can tell it in its words. */
	public static LaunchRefused badParameter(BadParameterException ex) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("parameter", ex.parameter());
		if (ex.spec() != null) {
			details.put("type", ex.spec().type().name().toLowerCase(Locale.ROOT));
			details.put("bounds", ex.spec().bounds());
			details.put("min", ex.spec().minText());
			details.put("max", ex.spec().maxText());
		}
		return new LaunchRefused("bad-parameter", ex.getMessage(), details);
	}

	public String code() {
		return code;
	}

	public Map<String, Object> details() {
		return details;
	}

}
