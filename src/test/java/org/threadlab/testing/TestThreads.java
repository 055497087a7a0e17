package org.threadlab.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.opentest4j.AssertionFailedError;

/**
 * Threads for a test, named, that fail the test if one throws or is still alive when the test closes
 * them (the Disruptor's StubThreadFactory does the same). Use from the test's own thread only.
 */
public final class TestThreads implements AutoCloseable {

	private static final Duration JOIN_LIMIT = Duration.ofSeconds(30);

	private final String prefix;

	private final AtomicInteger count = new AtomicInteger();

	private final List<Thread> threads = new ArrayList<>();

	private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

	public TestThreads(String prefix) {
		this.prefix = prefix;
	}

	public Thread start(Callable<?> body) {
		Thread thread = new Thread(() -> {
			try {
				body.call();
			}
			catch (Throwable ex) {
				failures.add(ex);
			}
		}, prefix + "-" + count.incrementAndGet());
		threads.add(thread);
		thread.start();
		return thread;
	}

	/** Joins every thread; fails if one is still alive after the limit or one threw. */
	public void joinAll() throws InterruptedException {
		for (Thread thread : threads) {
			thread.join(JOIN_LIMIT.toMillis());
			if (thread.isAlive()) {
				throw new AssertionFailedError("thread " + thread.getName() + " is still alive after " + JOIN_LIMIT);
			}
		}
		Throwable failure = failures.peek();
		if (failure != null) {
			throw new AssertionFailedError("a test thread failed: " + failure, failure);
		}
	}

	@Override
	public void close() throws InterruptedException {
		joinAll();
	}

}
