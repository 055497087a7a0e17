package org.threadlab.multiprocessing.pool;

import org.threadlab.ipc.PicklableCallable;
import org.threadlab.probe.Py;
import org.threadlab.builtins.PyValueError;

/**
 * What the tests' pool tasks run. Made here, not in the tests: a task crosses by reference to the class
 * that wrote it, and a child loads this class, which holds no test library.
 */
public final class PoolPrograms {

	private PoolPrograms() {
	}

	/** The tutorial's {@code get_html(n)}: sleeps n seconds, prints, returns n. */
	public static long getHtml(long seconds) throws InterruptedException {
		Py.sleep(seconds);
		Py.print("sub_progress success");
		return seconds;
	}

	public static PicklableCallable<Long> getHtmlCall(long seconds) {
		return () -> getHtml(seconds);
	}

	/** Raises ValueError after a short sleep. */
	public static PicklableCallable<Long> raising(String message) {
		return () -> {
			Py.sleep(0.1);
			throw new PyValueError(message);
		};
	}

	/** Which process ran it. */
	public static PicklableCallable<Long> whoAmI() {
		return () -> org.threadlab.multiprocessing.Os.getpid();
	}

}
