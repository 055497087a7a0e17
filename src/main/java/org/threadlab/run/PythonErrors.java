package org.threadlab.run;

/**
 * Python's last line of a traceback for an exception raised by scenario code: {@code ValueError: boom}.
 * ThreadLab's stand-ins for Python's exceptions are named {@code Py} + Python's name ({@code PyValueError});
 * any other exception keeps its Java name. Stateless; safe from any thread.
 */
public final class PythonErrors {

	private PythonErrors() {
	}

	/** The exception's Python name and message, as Python's traceback ends. */
	public static String line(Throwable ex) {
		String message;
		try {
			message = ex.getMessage();
		}
		catch (RuntimeException broken) {
			message = null;
		}
		return name(ex) + (message == null ? "" : ": " + message);
	}

	/** {@code ValueError} for {@code PyValueError}; the simple class name otherwise. */
	public static String name(Throwable ex) {
		String name = ex.getClass().getSimpleName();
		if (name.length() > 2 && name.startsWith("Py") && Character.isUpperCase(name.charAt(2))) {
			return name.substring(2);
		}
		return name;
	}

}
