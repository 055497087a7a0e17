package org.threadlab.multiprocessing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.threadlab.run.Run;

/**
 * The processes one run (one Python process) has made: their numbering ({@code Process-1},
 * {@code Process-2}, ... as CPython's counter) and the started ones not yet joined, which
 * {@code multiprocessing}'s exit function handles when the main program ends: daemonic ones are
 * terminated, then every one still running is joined.
 * <p>
 * Thread-safety: any actor of the run may call any method.
 */
final class Children implements AutoCloseable {

	private final AtomicInteger counter = new AtomicInteger();

	private final Set<PyProcess> active = new CopyOnWriteArraySet<>(); // in the order they started

	private final AtomicBoolean exitFunctionRegistered = new AtomicBoolean();

	static Children of(Run run) {
		return run.resource(Children.class, Children::new);
	}

	int nextNumber() {
		return counter.incrementAndGet();
	}

	/** A process was started; the first one registers the exit function, as importing multiprocessing does. */
	void started(Run run, PyProcess process) {
		if (exitFunctionRegistered.compareAndSet(false, true)) {
			run.atPythonExit(this::exitFunction);
		}
		active.add(process);
	}

	void joined(PyProcess process) {
		active.remove(process);
	}

	/** The run has ended: its processes were stopped with it. */
	@Override
	public void close() {
		active.clear();
	}

	/** {@code multiprocessing.util._exit_function}: terminate the daemonic children, then join those still running. */
	private void exitFunction() throws InterruptedException {
		List<PyProcess> children = List.copyOf(active);
		for (PyProcess child : children) {
			if (child.daemon() && child.isAlive()) {
				child.terminate();
			}
		}
		for (PyProcess child : children) {
			if (child.isAlive()) {
				child.join();
			}
		}
	}

}
