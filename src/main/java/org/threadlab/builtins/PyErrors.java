package org.threadlab.builtins;

/**
 * Says any throwable in Python's words, for every place a learner looks. A {@link PyException} speaks
 * for itself; the few Java exceptions the runtime may let through get the name of the Python exception
 * they stand for, and anything else (a bug of ThreadLab's, not of the lesson) is a {@code SystemError},
 * Python's name for an internal error. Stateless.
 */
public final class PyErrors {

	private PyErrors() {
	}

	/** "ValueError: boom", as the last line of a Python traceback. */
	public static String describe(Throwable ex) {
		if (ex instanceof PyException py) {
			return py.describe();
		}
		String message;
		try {
			message = ex.getMessage();
		}
		catch (RuntimeException broken) {
			message = null;
		}
		String name = nameOf(ex);
		return message == null || message.isEmpty() ? name : name + ": " + message;
	}

	/**
	 * The throwable as an unchecked exception that keeps the name Python gives it, for a place that cannot
	 * throw a checked one (an iterator of results).
	 */
	public static PyException unchecked(Throwable raised) {
		return new PyException(describe(raised).split(":", 2)[0], raised.getMessage(), raised);
	}

	private static String nameOf(Throwable ex) {
		if (ex instanceof java.util.concurrent.TimeoutException) {
			return "TimeoutError";
		}
		if (ex instanceof ArithmeticException) {
			return "ZeroDivisionError";
		}
		if (ex instanceof IndexOutOfBoundsException || ex instanceof java.util.NoSuchElementException) {
			return "IndexError";
		}
		if (ex instanceof IllegalArgumentException) {
			return "ValueError";
		}
		if (ex instanceof IllegalStateException || ex instanceof UnsupportedOperationException) {
			return "RuntimeError";
		}
		if (ex instanceof StackOverflowError) {
			return "RecursionError";
		}
		if (ex instanceof OutOfMemoryError) {
			return "MemoryError";
		}
		if (ex instanceof InterruptedException) {
			return "KeyboardInterrupt";
		}
		return "SystemError";
	}

}
