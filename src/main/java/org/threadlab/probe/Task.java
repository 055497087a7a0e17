package org.threadlab.probe;

/** What a traced thread runs: Python's {@code target}, which may block and raise. */
@FunctionalInterface
public interface Task {

	void run() throws Exception;

}
