package org.threadlab.probe;

/** Python's TypeError, with Python's message: "cannot pickle '_thread.lock' object". */
public final class PyTypeError extends RuntimeException {

	public PyTypeError(String message) {
		super(message);
	}

}
