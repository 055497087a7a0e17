package org.threadlab.futures;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedQueue;
import org.threadlab.probe.TracedSemaphore;
import org.threadlab.probe.TracedThread;
import org.threadlab.builtins.PyErrors;
import org.threadlab.run.Actor;
import org.threadlab.builtins.PyRuntimeError;
import org.threadlab.builtins.PyValueError;
import org.threadlab.builtins.PyCallable;

/**
 * Python's {@code ThreadPoolExecutor}, built as the tutorial's §5.4 reads its source: {@code submit}
 * takes the {@code _shutdown_lock}, makes a future and a work item, puts the item on the work queue (a
 * real {@link TracedQueue}) and starts a worker thread if there are fewer than {@code max_workers};
 * each worker loops taking items and running them, which sets each future's result or exception; a
 * {@code None} on the queue tells a worker to stop once the pool is shut down. Use it as a
 * try-with-resources block, Python's {@code with}; a pool never shut down is shut down when the main
 * program ends, as CPython's exit hook does.
 * <p>
 * CPython 3.8 and later first reuse an idle worker: each worker releases an {@code _idle_semaphore}
 * when it has finished an item, and {@code submit} starts a new worker only if it cannot take one
 * from it at once. The tutorial quotes an older source, which starts one per submit until the pool is
 * full; {@link #TracedExecutor(int, boolean)} builds either.
 * <p>
 * Thread-safety: any actor may submit, map and shut down. The shutdown flag, the queue and the workers
 * change together under {@code _shutdown_lock}, a traced lock, so waiting for it lets go of the GIL.
 */
public final class TracedExecutor implements AutoCloseable {

	/** Python's None on the work queue: wake up, and stop if the pool is shut down. */
	private static final Object NONE = new Object() {
		@Override
		public String toString() {
			return "None";
		}
	};

	private final int maxWorkers;

	private final String prefix;

	private final TracedQueue workQueue;

	private final TracedLock shutdownLock;

	/** CPython 3.8+: how many workers are idle (null: the tutorial's version, no reuse). */
	private final TracedSemaphore idleSemaphore;

	// changed under shutdownLock; read by workers() from any thread
	private final List<TracedThread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final AtomicInteger futures = new AtomicInteger();

	private volatile boolean shutdown;

	/** {@code ThreadPoolExecutor(max_workers)}, as CPython 3.8 and later build it. */
	public TracedExecutor(int maxWorkers) {
		this(maxWorkers, true);
	}

	/**
	 * {@code ThreadPoolExecutor(max_workers)}: with {@code reuseIdle}, as CPython 3.8 and later (an idle
	 * worker takes the next task); without, as the tutorial's older source (a new worker per submit).
	 */
	public TracedExecutor(int maxWorkers, boolean reuseIdle) {
		if (maxWorkers <= 0) {
			throw new org.threadlab.builtins.PyValueError("max_workers must be greater than 0");
		}
		this.maxWorkers = maxWorkers;
		this.prefix = "ThreadPoolExecutor-" + Actor.current().run().nextPoolNumber(); // numbered per process, as CPython
		this.shutdownLock = new TracedLock("_shutdown_lock");
		this.workQueue = new TracedQueue("work_queue", 0);
		this.idleSemaphore = reuseIdle ? TracedSemaphore.semaphore("_idle_semaphore", 0) : null;
		Actor.current().run().atExit(() -> shutdown(true, false));
	}

	private record WorkItem<T>(TracedFuture<T> future, PyCallable<T> fn) {

		void run() {
			if (!future.setRunningOrNotifyCancel()) {
				return;
			}
			T result;
			try {
				result = fn.call();
			}
			catch (Exception ex) {
				future.setException(ex);
				return;
			}
			future.setResult(result);
		}

		@Override
		public String toString() {
			return "WorkItem(" + future.name() + ")";
		}

	}

	/** {@code executor.submit(fn, *args)}: returns at once with the future; {@code call} names it ("get_html(3)"). */
	public <T> TracedFuture<T> submit(String call, PyCallable<T> fn) throws InterruptedException {
		shutdownLock.acquire();
		try {
			if (shutdown) {
				throw new org.threadlab.builtins.PyRuntimeError("cannot schedule new futures after shutdown");
			}
			TracedFuture<T> future = new TracedFuture<>("future-" + futures.getAndIncrement(), call);
			workQueue.put(new WorkItem<>(future, fn));
			adjustThreadCount();
			return future;
		}
		finally {
			shutdownLock.release();
		}
	}

	/** Under the shutdown lock: a new worker if none is idle and there are fewer than max_workers. */
	private void adjustThreadCount() throws InterruptedException {
		if (idleSemaphore != null && idleSemaphore.acquire(0)) {
			return; // an idle worker will take it
		}
		if (threads.size() < maxWorkers) {
			TracedThread worker = new TracedThread(prefix + "_" + threads.size(), false, this::work);
			threads.add(worker);
			worker.start();
		}
	}

	/** A worker's loop, as CPython's {@code _worker}. */
	private void work() throws InterruptedException {
		while (true) {
			Object item = workQueue.get();
			if (item != NONE) {
				((WorkItem<?>) item).run();
				if (idleSemaphore != null) {
					idleSemaphore.release(); // idle again: the next submit may use this worker
				}
				continue;
			}
			if (shutdown) {
				workQueue.put(NONE); // tell the next worker too
				return;
			}
		}
	}

	/**
	 * {@code executor.map(fn, items)}: submits all at once, then gives the results in the order of the
	 * items, each waiting for its own — not in the order they finish.
	 */
	public <A, T> Iterator<T> map(Function<A, String> call, Function<A, PyCallable<T>> fn, List<A> items)
			throws InterruptedException {
		return map(call, fn, items, -1);
	}

	/**
	 * {@code executor.map(fn, items, timeout=...)}: as above; a result not ready within {@code timeout}
	 * tutorial seconds of the call raises Python's {@code TimeoutError}; what a call raised is raised again
	 * (a checked one, which an iterator cannot throw, wrapped as Python wraps nothing: its words are kept).
	 */
	public <A, T> Iterator<T> map(Function<A, String> call, Function<A, PyCallable<T>> fn, List<A> items,
			double timeoutSeconds) throws InterruptedException {
		long deadline = Futures.deadline(Actor.current(), timeoutSeconds);
		List<TracedFuture<T>> submitted = new ArrayList<>();
		for (A item : items) {
			submitted.add(submit(call.apply(item), fn.apply(item)));
		}
		return resultsInOrder(submitted, deadline);
	}

	/**
	 * The results of {@code submitted} in their order, each waited for in turn (for a pool's {@code map});
	 * {@code deadline} in lesson time ({@link Futures#deadline}), {@code Long.MAX_VALUE} for none.
	 */
	static <T> Iterator<T> resultsInOrder(List<TracedFuture<T>> submitted, long deadline) {
		Iterator<TracedFuture<T>> next = submitted.iterator();
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return next.hasNext();
			}

			@Override
			public T next() {
				if (!next.hasNext()) {
					throw new NoSuchElementException();
				}
				try {
					TracedFuture<T> future = next.next();
					return deadline == Long.MAX_VALUE ? future.result()
							: future.result(Futures.secondsLeft(Actor.current(), deadline));
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("the run is stopping", ex);
				}
				catch (Exception ex) {
					throw PyErrors.unchecked(ex);
				}
			}

		};
	}

	/** {@code executor.shutdown(wait, cancel_futures)}: no new work; the workers stop once the queue is done. */
	public void shutdown(boolean wait, boolean cancelFutures) throws InterruptedException {
		List<TracedThread> workers;
		shutdownLock.acquire();
		try {
			shutdown = true;
			if (cancelFutures) {
				while (workQueue.qsize() > 0) {
					Object item;
					try {
						item = workQueue.getNowait();
					}
					catch (TracedQueue.Empty empty) {
						break;
					}
					if (item instanceof WorkItem<?> work) {
						work.future().cancel();
					}
				}
			}
			workQueue.put(NONE);
			workers = List.copyOf(threads);
		}
		finally {
			shutdownLock.release();
		}
		if (wait) {
			for (TracedThread worker : workers) {
				if (worker.isAlive()) {
					worker.join();
				}
			}
		}
	}

	/** The end of a {@code with} block: shutdown(wait=True). */
	@Override
	public void close() throws InterruptedException {
		shutdown(true, false);
	}

	/** Worker threads started so far. */
	public int workers() {
		return threads.size();
	}

	public int maxWorkers() {
		return maxWorkers;
	}

}
