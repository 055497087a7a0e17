package org.threadlab.builtins;

import java.io.Serial;


/**
 * Python's {@code multiprocessing.TimeoutError} (defined in {@code multiprocessing.context}): what a
 * pool's {@code get(timeout)} raises. In CPython 3.11 it is not the built-in {@code TimeoutError}.
 */
public final class MpTimeoutError extends PyException {

	@Serial
	private static final long serialVersionUID = 1L;

	public MpTimeoutError() {
		super("multiprocessing.context.TimeoutError", null);
	}

}
