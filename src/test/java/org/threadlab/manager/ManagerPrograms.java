package org.threadlab.manager;

import org.threadlab.probe.Py;
import org.threadlab.multiprocessing.PyTarget;

/**
 * What the manager tests' child processes run. The targets are made here, not in the tests, since a
 * target crosses by reference to the class that wrote it: this class, with no test library in it, is what
 * a child loads. Every method is safe to call from a run's actor.
 */
public final class ManagerPrograms {

	private ManagerPrograms() {
	}

	/** §6.7.3's {@code add_data}: one write into the managed dict. */
	public static PyTarget addData(DictProxy dict, String key, Object value) {
		return () -> dict.setItem(key, value);
	}

	/** {@code d['count'] = d['count'] + 1}, {@code times} over, inside {@code with lock:} when there is one. */
	public static PyTarget addOne(DictProxy dict, AcquirerProxy lock, int times) {
		return () -> {
			for (int i = 0; i < times; i++) {
				if (lock != null) {
					lock.acquire();
				}
				int value = (Integer) dict.getItem("count");
				dict.setItem("count", value + 1);
				if (lock != null) {
					lock.release();
				}
			}
		};
	}

	/** Takes an item from a managed queue and prints it. */
	public static PyTarget getAndPrint(QueueProxy queue) {
		return () -> Py.print("got", queue.get());
	}

	/** Takes a proxy from a managed queue and writes into the dict it is the proxy of: proxies cross at any time. */
	public static PyTarget writeThroughAProxyFromTheQueue(QueueProxy queue) {
		return () -> ((DictProxy) queue.get()).setItem("from", "a proxy that crossed in a queue");
	}

	/** Tries get_nowait on a managed queue and prints what it raised. */
	public static PyTarget getNowait(QueueProxy queue) {
		return () -> {
			try {
				queue.getNowait();
			}
			catch (org.threadlab.probe.TracedQueue.Empty empty) {
				Py.print("raised", empty.describe());
			}
		};
	}

}
