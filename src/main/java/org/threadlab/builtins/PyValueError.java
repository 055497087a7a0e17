package org.threadlab.builtins;


/** Python's ValueError, with Python's message: "Semaphore released too many times". */
public final class PyValueError extends PyException {

	public PyValueError(String message) {
		super("ValueError", message);
	}

}
