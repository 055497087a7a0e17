package org.threadlab.probe;

/** Python's ValueError, with Python's message: "Semaphore released too many times". */
public final class PyValueError extends RuntimeException {

	public PyValueError(String message) {
		super(message);
	}

}
