package org.threadlab.run;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The numbers Python gives the things it names by counting, per process: its threads ("Thread-N", from
 * 1) and its thread pools ("ThreadPoolExecutor-N_k", from 0), as CPython counts them. Thread-safe: any
 * thread of the run may take a number; each is handed out once.
 */
final class PythonNames {

	private final AtomicInteger threadNumbers = new AtomicInteger();

	private final AtomicInteger poolNumbers = new AtomicInteger();

	int nextThreadNumber() {
		return threadNumbers.incrementAndGet();
	}

	int nextPoolNumber() {
		return poolNumbers.getAndIncrement();
	}

}
