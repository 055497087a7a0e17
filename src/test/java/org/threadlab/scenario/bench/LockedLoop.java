package org.threadlab.scenario.bench;

import org.threadlab.probe.Py;
import org.threadlab.probe.SharedValue;
import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedThread;

/**
 * lock-counter's loops, with the choice of drawing every step or running quiet left to the caller
 * (the scenario decides by its count). In a scenario package, so line lookups cost what they cost.
 */
public final class LockedLoop {

	private LockedLoop() {
	}

	/** The main program: two threads, n locked updates each, every step recorded unless quiet. */
	public static void main(long n, boolean quiet) throws InterruptedException {
		var total = new SharedValue("total", 0);
		var lock = new TracedLock("lock");
		var add = new TracedThread("add", false, () -> loop(total, lock, n, +1, quiet));
		var desc = new TracedThread("desc", false, () -> loop(total, lock, n, -1, quiet));
		add.start();
		desc.start();
		add.join();
		desc.join();
	}

	private static void loop(SharedValue total, TracedLock lock, long n, int delta, boolean quiet)
			throws InterruptedException {
		Py.quiet(quiet);
		for (long i = 0; i < n; i++) {
			lock.acquire();
			total.write(total.read() + delta);
			lock.release();
			Py.backEdge();
		}
	}

}
