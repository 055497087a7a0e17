package org.threadlab.multiprocessing.pool;

import java.util.List;
import java.util.function.IntConsumer;

import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.ipc.ProcessQueue;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.multiprocessing.pool.Pool.State;
import org.threadlab.probe.TracedQueue;
import org.threadlab.probe.TracedThread;

/**
 * A {@link Pool}'s three handler threads in the caller's process, and how they stop: CPython's
 * {@code Pool._handle_workers}, {@code _handle_tasks}, {@code _handle_results} and {@code _terminate_pool}.
 * The task handler sends the jobs the caller put on the {@code _taskqueue} to the workers over the
 * {@code _inqueue}; the result handler sets each job's result from the {@code _outqueue}; the worker
 * handler, once the pool is closed and no job is left, tells the task handler to stop, which tells the
 * result handler and the workers.
 * <p>
 * Thread-safety: made and started by the pool's constructor; {@link #close}, {@link #join} and
 * {@link #terminatePool} are called by the pool from any thread of the run. Each handler's state is
 * volatile, as CPython keeps it on the thread ({@code thread._state}).
 */
final class PoolHandlers {

	/** Python's None on the pool's thread queues: the sentinel that stops a handler. */
	static final Object NONE = new Object() {
		@Override
		public String toString() {
			return "None";
		}
	};

	/** A job's tasks as the task handler takes them: CPython's {@code (taskseq, set_length)}. */
	record Batch(int job, Iterable<PoolWorker.Task> tasks, String shown, IntConsumer setLength)
			implements PyRepr.PyValue {

		@Override
		public String pyRepr() {
			return shown;
		}

	}

	private final ProcessQueue inqueue;

	private final ProcessQueue outqueue;

	private final TracedQueue taskqueue;

	private final TracedQueue changeNotifier;

	private final PoolCache cache;

	private final List<PyProcess> workers;

	private final TracedThread workerHandler;

	private final TracedThread taskHandler;

	private final TracedThread resultHandler;

	private volatile State workerHandlerState = State.RUN;

	private volatile State taskHandlerState = State.RUN;

	private volatile State resultHandlerState = State.RUN;

	/** Starts the worker handler, the task handler and the result handler, in that order (Thread-1, -2, -3). */
	PoolHandlers(ProcessQueue inqueue, ProcessQueue outqueue, TracedQueue taskqueue, TracedQueue changeNotifier,
			PoolCache cache, List<PyProcess> workers) throws InterruptedException {
		this.inqueue = inqueue;
		this.outqueue = outqueue;
		this.taskqueue = taskqueue;
		this.changeNotifier = changeNotifier;
		this.cache = cache;
		this.workers = workers;
		this.workerHandler = new TracedThread(this::handleWorkers, "_handle_workers", true);
		workerHandler.start();
		this.taskHandler = new TracedThread(this::handleTasks, "_handle_tasks", true);
		taskHandler.start();
		this.resultHandler = new TracedThread(this::handleResults, "_handle_results", true);
		resultHandler.start();
	}

	/** The worker handler's part of {@code close()}: it may end once no job is left. */
	void close() throws InterruptedException {
		workerHandlerState = State.CLOSE;
		changeNotifier.put(NONE);
	}

	/** Waits for the three handler threads to end. */
	void join() throws InterruptedException {
		workerHandler.join();
		taskHandler.join();
		resultHandler.join();
	}

	/** CPython's {@code _handle_workers}: keeps the pool until it is closed and no job is left. */
	private void handleWorkers() throws InterruptedException {
		while (workerHandlerState == State.RUN || (!cache.isEmpty() && workerHandlerState != State.TERMINATE)) {
			// CPython would replace workers that have exited here; ThreadLab's pools keep theirs
			waitForUpdates();
		}
		taskqueue.put(NONE); // tell the task handler to stop
	}

	/** CPython's {@code _wait_for_updates}, on the change notifier only: a close, a terminate, no job left. */
	private void waitForUpdates() throws InterruptedException {
		changeNotifier.get();
		while (changeNotifier.qsize() > 0) {
			changeNotifier.get();
		}
	}

	/** CPython's {@code _handle_tasks}: sends each job's tasks to the workers, pickling each on the way. */
	private void handleTasks() throws InterruptedException {
		while (true) {
			Object next = taskqueue.get();
			if (next == NONE) {
				break;
			}
			Batch batch = (Batch) next;
			PoolWorker.Task last = null;
			boolean stopped = false;
			for (PoolWorker.Task task : batch.tasks()) {
				last = task;
				if (taskHandlerState != State.RUN) {
					stopped = true;
					break;
				}
				try {
					inqueue.put(task); // pickled here: a plain process Queue in its arguments raises
				}
				catch (PyException | java.io.UncheckedIOException refused) {
					PoolCache.Job job = cache.get(task.job());
					if (job != null) {
						job.set(task.index(), false, refused); // the task never runs; get() raises this
					}
				}
			}
			if (stopped) {
				break;
			}
			if (batch.setLength() != null) {
				batch.setLength().accept(last == null ? 0 : last.index() + 1);
			}
		}
		outqueue.put(null); // tell the result handler to finish once no job is left
		for (int i = 0; i < workers.size(); i++) {
			inqueue.put(null); // tell the workers there is no more work
		}
	}

	/** CPython's {@code _handle_results}: sets each job's result as the workers send them back. */
	private void handleResults() throws InterruptedException {
		while (true) {
			Object item = outqueue.get();
			if (resultHandlerState != State.RUN || item == null) {
				break;
			}
			deliver((PoolWorker.Result) item);
		}
		while (!cache.isEmpty() && resultHandlerState != State.TERMINATE) {
			Object item = outqueue.get();
			if (item != null) {
				deliver((PoolWorker.Result) item);
			}
		}
	}

	private void deliver(PoolWorker.Result result) {
		PoolCache.Job job = cache.get(result.job());
		if (job != null) {
			job.set(result.index(), result.success(), result.value());
		}
	}

	/**
	 * CPython's {@code _terminate_pool}; the pool calls it once: stops the handlers, SIGTERMs the workers
	 * still running, and joins them all. (CPython first empties the in-queue, should the task handler be
	 * stuck writing to a full pipe; ThreadLab's tasks are small and never fill it.)
	 */
	void terminatePool() throws InterruptedException {
		workerHandlerState = State.TERMINATE;
		changeNotifier.put(NONE);
		taskHandlerState = State.TERMINATE;
		resultHandlerState = State.TERMINATE;
		changeNotifier.put(NONE);
		outqueue.put(null);
		workerHandler.join(); // before the workers go: none may be started behind our back
		for (PyProcess worker : workers) {
			if (worker.exitcode() == null) {
				worker.terminate();
			}
		}
		taskHandler.join();
		resultHandler.join();
		for (PyProcess worker : workers) {
			if (worker.isAlive()) {
				worker.join();
			}
		}
	}

}
