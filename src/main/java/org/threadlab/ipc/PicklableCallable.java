package org.threadlab.ipc;

import java.io.Serializable;
import org.threadlab.builtins.PyCallable;

/**
 * What a process pool runs: Python's {@code fn(*args)} when it must cross to another process. Written
 * as a lambda, {@code () -> fib(25)}, it crosses as {@code pickle} sends a function: by reference (its
 * class and method) with the arguments it captured, which must be picklable (numbers, text, lists);
 * what cannot be pickled makes the task fail without running, as in CPython.
 */
@FunctionalInterface
public interface PicklableCallable<T> extends PyCallable<T>, Serializable {
}
