package org.threadlab.ipc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

import org.threadlab.builtins.PyException;

/**
 * What Python's pickle does for multiprocessing: turns an object into bytes that cross to another
 * process, and back. Here it is Java's serialization, between JVMs that load the same classes; what
 * cannot cross raises Python's {@code PicklingError} (or whatever the object's own pickling raises, as
 * a process Queue's does outside of spawning). Only the run's own processes read these bytes, over the
 * run's own pipes. Stateless.
 */
public final class Pickle {

	private static final ThreadLocal<Boolean> SPAWNING = ThreadLocal.withInitial(() -> false);

	private Pickle() {
	}

	/**
	 * Pickles what a new process inherits (its target and arguments): the one moment a process Queue or
	 * a lock may be pickled, as CPython allows them to cross only "through inheritance".
	 */
	public static byte[] dumpsForSpawning(Object value) {
		boolean before = SPAWNING.get();
		SPAWNING.set(true);
		try {
			return dumps(value);
		}
		finally {
			SPAWNING.set(before);
		}
	}

	/** Whether the calling thread is pickling what a new process inherits. */
	public static boolean isSpawning() {
		return SPAWNING.get();
	}

	public static byte[] dumps(Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (NotSerializableException ex) {
			throw new PyException("_pickle.PicklingError", "Can't pickle " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	public static Object loads(byte[] bytes) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			return in.readObject();
		}
		catch (InvalidClassException | ClassNotFoundException ex) {
			throw new PyException("_pickle.UnpicklingError", ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
