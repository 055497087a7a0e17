package org.threadlab.cpython;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a server runs listings under real CPython beside ThreadLab's runs. The time limit is a run's
 * ({@code threadlab.runs.max-seconds}).
 *
 * @param command the python to look for on the PATH
 * @param maxConcurrent CPython runs going at once over all users; one more is refused as busy
 * @param maxProcesses processes one run may have at once besides the interpreter
 * @param maxOutputBytes what one run may print
 * @param hangSeconds real seconds of complete stillness after which a run counts as hanging
 */
@ConfigurationProperties("threadlab.python")
public record PythonLimits(String command, int maxConcurrent, int maxProcesses, long maxOutputBytes, double hangSeconds) {

	public PythonLimits {
		if (command == null || command.isBlank() || maxConcurrent < 1 || maxProcesses < 0 || maxOutputBytes < 1
				|| !(hangSeconds > 0)) {
			throw new IllegalArgumentException("threadlab.python: a command, and positive limits");
		}
	}

}
