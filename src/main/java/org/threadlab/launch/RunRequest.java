package org.threadlab.launch;

import java.util.Map;

/**
 * What a user asks to run: a scenario, its parameter values (missing ones take the tutorial's values)
 * and the speed of time. Not yet checked: {@link RunLauncher} checks it before anything starts.
 */
public record RunRequest(String scenario, Map<String, Object> params, Double speed) {

	public RunRequest {
		params = params == null ? Map.of() : params;
	}

}
