package org.threadlab.cpython;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a server runs listings under real CPython beside ThreadLab's runs. The time limit is a run's
 * ({@code threadlab.runs.max-seconds}); how many run at once is the admission's, by what each uses
 * ({@code threadlab.admission.*}), as for ThreadLab's runs.
 *
 * @param command the python to look for on the PATH
 * @param maxProcesses processes one run may have at once besides the interpreter
 * @param maxOutputBytes what one run may print (its trace does not count)
 * @param hangSeconds real seconds of complete stillness after which a run counts as hanging
 * @param maxTraceEvents events of one run's trace sent at most (and traced by each of its processes)
 */
@ConfigurationProperties("threadlab.python")
public record PythonLimits(String command, int maxProcesses, long maxOutputBytes, double hangSeconds, long maxTraceEvents) {

	public PythonLimits {
		if (command == null || command.isBlank() || maxProcesses < 0 || maxOutputBytes < 1 || !(hangSeconds > 0)
				|| maxTraceEvents < 0) {
			throw new IllegalArgumentException("threadlab.python: a command, and positive limits");
		}
	}

}
