package org.threadlab.probe;

import org.threadlab.python.PyException;

/** Python's TypeError, with Python's message: "cannot pickle '_thread.lock' object". */
public final class PyTypeError extends PyException {

	public PyTypeError(String message) {
		super("TypeError", message);
	}

}
