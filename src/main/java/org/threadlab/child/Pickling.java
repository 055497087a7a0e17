package org.threadlab.child;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

import org.threadlab.probe.PyTypeError;

/**
 * Python's {@code pickle} for what crosses to a child process: Java serialization, refusing what cannot
 * cross as Python does ({@code TypeError: cannot pickle 'X' object}), and reading back only ThreadLab's
 * and the JDK's classes. A {@code writeObject} that refuses on purpose (an object that may only be
 * inherited) raises its own exception, which reaches the caller unchanged. Stateless; safe from any thread.
 */
public final class Pickling {

	private static final ObjectInputFilter ONLY_OURS = ObjectInputFilter.Config
		.createFilter("org.threadlab.**;java.**;!*");

	private Pickling() {
	}

	/** Serializes {@code value}. @throws PyTypeError when something it holds cannot cross */
	public static byte[] dumps(Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (NotSerializableException ex) {
			throw new PyTypeError("cannot pickle '" + simpleName(ex.getMessage()) + "' object");
		}
		catch (InvalidClassException ex) {
			throw new PyTypeError("cannot pickle '" + simpleName(ex.classname) + "' object: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot serialize " + value.getClass().getName(), ex);
		}
		return bytes.toByteArray();
	}

	/** Reads back what {@link #dumps} wrote. */
	public static Object loads(byte[] pickled) throws IOException, ClassNotFoundException {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(pickled))) {
			in.setObjectInputFilter(ONLY_OURS);
			return in.readObject();
		}
	}

	private static String simpleName(String className) {
		if (className == null) {
			return "?";
		}
		String name = className.substring(className.lastIndexOf('.') + 1);
		return name.substring(name.lastIndexOf('$') + 1);
	}

}
