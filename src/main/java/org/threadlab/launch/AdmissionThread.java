package org.threadlab.launch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admission's one thread, {@code threadlab-admission}: it calls the runs' listeners, one after
 * another in the order the calls were asked for, and makes the admission's passes over its queue; many
 * requests for a pass before it runs make one pass. So no listener is ever called under the admission's
 * lock, and a listener hears things in the order they happened.
 * <p>
 * Thread-safety: any thread may ask for calls and passes. Once closed, what is asked is dropped: the
 * server is stopping, and nobody listens any more.
 */
final class AdmissionThread implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(AdmissionThread.class);

	private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
		Thread named = new Thread(task, "threadlab-admission");
		named.setDaemon(true);
		return named;
	});

	private final AtomicBoolean passScheduled = new AtomicBoolean();

	/** Calls a listener after every call asked for before; one that fails is logged, and the next goes on. */
	void call(Runnable listenerCall) {
		execute(() -> {
			try {
				listenerCall.run();
			}
			catch (Throwable ex) {
				// even an Error of one socket's listener (out of memory): the next listener's call must come
				LOG.warn("a run's listener failed: {}", ex.toString());
			}
		});
	}

	/** Runs {@code pass} soon, unless a pass asked for earlier has not begun yet: that one will do. */
	void schedulePass(Runnable pass) {
		if (passScheduled.compareAndSet(false, true)) {
			if (!execute(() -> {
				passScheduled.set(false);
				pass.run();
			})) {
				passScheduled.set(false);
			}
		}
	}

	/** Waits until every call and pass asked for so far has returned: for tests. */
	boolean awaitQuiet(long timeout, TimeUnit unit) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		thread.execute(done::countDown);
		return done.await(timeout, unit);
	}

	@Override
	public void close() {
		thread.shutdownNow();
	}

	private boolean execute(Runnable task) {
		try {
			thread.execute(task);
			return true;
		}
		catch (RejectedExecutionException shuttingDown) {
			return false;
		}
	}

}
