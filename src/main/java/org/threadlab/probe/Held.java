package org.threadlab.probe;

/** A held lock or condition, released when the try-with-resources block ends: Python's {@code with}. */
@FunctionalInterface
public interface Held extends AutoCloseable {

	@Override
	void close();

}
