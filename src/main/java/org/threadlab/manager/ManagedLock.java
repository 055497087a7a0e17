package org.threadlab.manager;

import org.threadlab.probe.TracedLock;

/**
 * The {@code threading.Lock} a manager holds, which an {@code AcquirerProxy}'s calls reach: a real
 * {@link TracedLock} in the server's process, taken and let go by the threads serving the callers, so a
 * process that waits for it really has a thread of the server blocked on it. Its events are the lock's
 * own, in the serving threads' lanes (which CPython names after the processes they serve), and its
 * panel says which of them holds it.
 * <p>
 * Thread-safety: as {@link TracedLock}.
 */
final class ManagedLock implements Referent {

	private final TracedLock lock;

	ManagedLock(String name) {
		this.lock = new TracedLock(name);
	}

	@Override
	public Object call(String method, Object[] a) throws InterruptedException {
		switch (method) {
			case "acquire" -> {
				boolean blocking = a.length < 1 || (Boolean) a[0];
				double timeout = a.length > 1 && a[1] != null ? ((Number) a[1]).doubleValue() : -1;
				return lock.acquire(blocking, timeout);
			}
			case "release" -> lock.release();
			default -> throw Referent.notExposed(method, "_thread.lock");
		}
		return null;
	}

	@Override
	public String repr() {
		return "<" + (lock.locked() ? "locked" : "unlocked") + " _thread.lock object at " + Referent.address(this) + ">";
	}

	@Override
	public Object value() {
		throw new org.threadlab.builtins.PyException("TypeError", "cannot pickle '_thread.lock' object");
	}

}
