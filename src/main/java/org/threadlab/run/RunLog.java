package org.threadlab.run;

/**
 * The run's logger, made on first use: merely getting a logger starts java.util.logging, ~20 ms of a
 * child JVM's start. Thread-safe (the JDK's loggers are).
 */
final class RunLog {

	static final System.Logger LOG = System.getLogger(Run.class.getName());

	private RunLog() {
	}

}
