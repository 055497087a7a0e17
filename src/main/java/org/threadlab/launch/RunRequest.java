package org.threadlab.launch;

import java.util.Map;

/**
 * What a user asks to run: a scenario, its parameter values, and the run's settings (the speed of time,
 * the emulated GIL); missing values take their defaults. Not yet checked: {@link RunLauncher} checks it
 * whole before anything starts.
 */
public record RunRequest(String scenario, Map<String, Object> params, Map<String, Object> settings) {

	public RunRequest {
		params = params == null ? Map.of() : params;
		settings = settings == null ? Map.of() : settings;
	}

}
