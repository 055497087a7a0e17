package org.threadlab.builtins;

/**
 * An exception as Python names it: what scenario code and the emulated runtime raise, so that every
 * place a learner looks (the console, a future's panel, the run's outcome) shows Python's words —
 * {@code ValueError: boom}, {@code queue.Full}, {@code RuntimeError: cannot release un-acquired lock} —
 * never a Java class. Immutable.
 */
public class PyException extends RuntimeException {

	private final String pythonName;

	/** {@code pythonName} as Python prints it in a traceback's last line: "ValueError", "queue.Full". */
	public PyException(String pythonName, String message) {
		super(message);
		this.pythonName = pythonName;
	}

	public PyException(String pythonName, String message, Throwable cause) {
		super(message, cause);
		this.pythonName = pythonName;
	}

	public String pythonName() {
		return pythonName;
	}

	/** The traceback's last line: the name, then ": " and the message if there is one. */
	public String describe() {
		String message = getMessage();
		return message == null || message.isEmpty() ? pythonName : pythonName + ": " + message;
	}

	@Override
	public String toString() {
		return describe();
	}

}
