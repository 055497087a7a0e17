package org.threadlab.futures;

import org.threadlab.ipc.ProcessQueue;
import org.threadlab.probe.Py;
import org.threadlab.builtins.PyValueError;
import org.threadlab.multiprocessing.Os;
import org.threadlab.ipc.PicklableCallable;

/**
 * What the tests' process-pool tasks run. Made here, not in the tests: a call crosses by reference to
 * the class that wrote it, and a child loads this class, which holds no test library.
 */
public final class ExecutorPrograms {

	private ExecutorPrograms() {
	}

	/** Sleeps, then returns the pid of the process that ran it. */
	public static PicklableCallable<Long> sleepThenTellPid(double seconds) {
		return () -> {
			Py.sleep(seconds);
			return Os.getpid();
		};
	}

	public static long square(long n) {
		return n * n;
	}

	public static PicklableCallable<Long> raising(String message) {
		return () -> {
			throw new PyValueError(message);
		};
	}

	/** Ends the worker process that runs it at once, as a crash would (CPython: {@code os._exit(1)}). */
	public static PicklableCallable<Long> dying() {
		return () -> {
			Runtime.getRuntime().halt(1);
			return null;
		};
	}

	/** The tutorial's producer of §6.7.1, handed a plain process Queue: pickling the call fails, so it never runs (in either pool). */
	public static PicklableCallable<Object> producer(ProcessQueue queue) {
		return () -> {
			queue.put("a");
			Py.print("put a");
			return null;
		};
	}

}
