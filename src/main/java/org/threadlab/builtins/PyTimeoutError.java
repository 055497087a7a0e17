package org.threadlab.builtins;

/** Python's {@code TimeoutError} (since 3.11 also {@code concurrent.futures.TimeoutError}). */
public final class PyTimeoutError extends PyException {

	public PyTimeoutError(String message) {
		super("TimeoutError", message);
	}

}
