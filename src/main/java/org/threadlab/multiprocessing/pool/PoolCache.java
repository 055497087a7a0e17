package org.threadlab.multiprocessing.pool;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.threadlab.probe.TracedQueue;
import org.threadlab.run.Run;

/**
 * CPython's {@code _PoolCache}: the jobs of a pool whose results are still to come, by job number. When
 * the last one leaves, it tells the worker handler (a None on the change notifier), which may be
 * waiting for the pool to have nothing left to do. Thread-safety: any thread of the run.
 */
final class PoolCache {

	/** What a job's results go to: an AsyncResult, a MapResult, an IMapIterator. */
	interface Job {

		/** The result of task {@code index} of the job: its value, or what it raised. */
		void set(int index, boolean success, Object value);

	}

	private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();

	private final TracedQueue notifier;

	PoolCache(TracedQueue notifier) {
		this.notifier = notifier;
	}

	/** CPython's {@code job_counter}: jobs are numbered from 0 across the pools of a process. */
	static int nextJob(Run run) {
		return run.resource(Counter.class, Counter::new).next.getAndIncrement();
	}

	void add(int job, Job result) {
		jobs.put(job, result);
	}

	Job get(int job) {
		return jobs.get(job);
	}

	/** {@code del cache[job]}; the last one out puts a None on the notifier. */
	void remove(int job) {
		if (jobs.remove(job) != null && jobs.isEmpty()) {
			try {
				notifier.put(PoolHandlers.NONE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt(); // the run is stopping; the handler is interrupted too
			}
		}
	}

	boolean isEmpty() {
		return jobs.isEmpty();
	}

	/** The run's job numbers. */
	private static final class Counter implements AutoCloseable {

		final AtomicInteger next = new AtomicInteger();

		@Override
		public void close() {
		}

	}

}
