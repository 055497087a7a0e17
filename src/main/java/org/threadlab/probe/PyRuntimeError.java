package org.threadlab.probe;

/** Python's RuntimeError, with Python's message: "release unlocked lock", "cannot wait on un-acquired lock". */
public final class PyRuntimeError extends RuntimeException {

	public PyRuntimeError(String message) {
		super(message);
	}

}
