package org.threadlab.builtins;


/** Python's RuntimeError, with Python's message: "release unlocked lock", "cannot wait on un-acquired lock". */
public final class PyRuntimeError extends PyException {

	public PyRuntimeError(String message) {
		super("RuntimeError", message);
	}

}
