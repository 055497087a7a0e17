package org.threadlab.manager;

import java.io.Serial;

import org.threadlab.probe.Held;

/**
 * Python's {@code AcquirerProxy}, of a lock held by a manager ({@code Manager().Lock()}): acquire and
 * release are requests to the server, where the real lock is taken by the thread serving this caller;
 * while another process holds it, that thread waits there and this caller waits for its reply. It is how
 * processes take turns on a managed object's read-modify-write. Thread-safety: as every proxy
 * ({@link BaseProxy}).
 */
public final class AcquirerProxy extends BaseProxy {

	@Serial
	private static final long serialVersionUID = 1L;

	AcquirerProxy(Token token) {
		super(token);
	}

	/** {@code lock.acquire()}: returns once this caller holds the lock. */
	public void acquire() throws InterruptedException {
		callMethod("acquire", true);
	}

	/** {@code lock.acquire(blocking, timeout)}; a negative timeout is None. False if not acquired. */
	public boolean acquire(boolean blocking, double timeoutSeconds) throws InterruptedException {
		Object[] args = timeoutSeconds < 0 ? new Object[] { blocking } : new Object[] { blocking, timeoutSeconds };
		return (Boolean) callMethod("acquire", args);
	}

	/** {@code lock.release()}. */
	public void release() throws InterruptedException {
		callMethod("release");
	}

	/** {@code with lock:} as a try-with-resources block: acquired now, released when the block ends. */
	public Held hold() throws InterruptedException {
		acquire();
		return () -> {
			try {
				release();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt(); // the run is stopping: its next blocking step ends this actor
			}
		};
	}

	@Override
	String typeName() {
		return "AcquirerProxy";
	}

}
