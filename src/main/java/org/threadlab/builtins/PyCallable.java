package org.threadlab.builtins;

/** What a pool runs: Python's {@code fn(*args)}, which may block, return a value or raise. */
@FunctionalInterface
public interface PyCallable<T> {

	T call() throws Exception;

}
