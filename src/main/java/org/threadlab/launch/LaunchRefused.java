package org.threadlab.launch;

import java.util.Map;

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

	public String code() {
		return code;
	}

	public Map<String, Object> details() {
		return details;
	}

}
