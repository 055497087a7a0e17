package org.threadlab.manager;

import org.threadlab.probe.TracedQueue;

/**
 * The {@code queue.Queue} a manager holds, which a queue proxy's calls reach: a real
 * {@link TracedQueue} in the server's process, so a {@code get()} on an empty managed queue really blocks
 * the thread serving that caller there, until another process's {@code put()} (served by another thread)
 * wakes it. Its events are the queue's own, in the serving threads' lanes, and its panel is the queue's.
 * <p>
 * Thread-safety: as {@link TracedQueue}.
 */
final class ManagedQueue implements Referent {

	private final TracedQueue queue;

	ManagedQueue(String name, int maxsize) {
		this.queue = new TracedQueue(name, maxsize);
	}

	@Override
	public Object call(String method, Object[] a) throws InterruptedException {
		switch (method) {
			case "put" -> queue.put(a[0], a.length < 2 || (Boolean) a[1], timeout(a, 2));
			case "put_nowait" -> queue.putNowait(a[0]);
			case "get" -> {
				return queue.get(a.length < 1 || (Boolean) a[0], timeout(a, 1));
			}
			case "get_nowait" -> {
				return queue.getNowait();
			}
			case "qsize" -> {
				return queue.qsize();
			}
			case "empty" -> {
				return queue.qsize() == 0;
			}
			case "full" -> {
				return queue.maxsize() > 0 && queue.qsize() >= queue.maxsize();
			}
			case "task_done" -> queue.taskDone();
			case "join" -> queue.join();
			default -> throw Referent.notExposed(method, "queue.Queue");
		}
		return null;
	}

	/** Python's {@code timeout=None} is -1 here: no limit. */
	private static double timeout(Object[] a, int at) {
		return a.length > at && a[at] != null ? ((Number) a[at]).doubleValue() : -1;
	}

	@Override
	public String repr() {
		return "<queue.Queue object at " + Referent.address(this) + ">";
	}

	@Override
	public Object value() {
		throw new org.threadlab.builtins.PyException("TypeError", "cannot pickle '_thread.lock' object");
	}

}
