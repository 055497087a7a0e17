package org.threadlab.multiprocessing.pool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import org.threadlab.ipc.PicklableCallable;
import org.threadlab.ipc.PicklableFunction;
import org.threadlab.ipc.ProcessQueue;
import org.threadlab.builtins.PyValueError;
import org.threadlab.probe.TracedQueue;
import org.threadlab.probe.TracedThread;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.multiprocessing.PyTarget;
import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Actor;
import org.threadlab.run.Run;
import org.threadlab.multiprocessing.MainModule;

/**
 * Python's {@code multiprocessing.Pool}, built as CPython 3.11 builds it, with the spawn start method
 * (ThreadLab's processes are new JVMs that are sent what they run, as spawn sends a new interpreter).
 * <p>
 * {@code Pool(processes)} starts its worker processes at once — real child JVMs named
 * {@code SpawnPoolWorker-N}, daemonic, each running {@link PoolWorker#work} for as long as the pool
 * lives, task after task — and three handler threads in this process:
 * <ul>
 * <li>the <b>task handler</b> ({@code Thread-2 (_handle_tasks)}) takes each job the caller put on the
 * {@code _taskqueue} and sends its tasks to the workers over the {@code _inqueue}, a pipe: a task is
 * pickled there, so a task whose arguments cannot be pickled (a plain process Queue) fails there,
 * never runs, and its error waits in its result;</li>
 * <li>the <b>result handler</b> ({@code Thread-3 (_handle_results)}) reads what the workers send back
 * over the {@code _outqueue} and sets each job's result;</li>
 * <li>the <b>worker handler</b> ({@code Thread-1 (_handle_workers)}) waits, once the pool is closed,
 * until no job is left, then tells the task handler to stop, which tells the result handler and the
 * workers. Simplified: CPython's also replaces workers that have exited (after
 * {@code maxtasksperchild} tasks, or killed); ThreadLab's pools keep the workers they started, so it
 * only waits on the pool's {@code _change_notifier}.</li>
 * </ul>
 * {@link #close()} lets the queued work finish; {@link #join()} (only after close or terminate:
 * {@code ValueError: Pool is still running} otherwise) waits for the handlers and the workers;
 * {@link #terminate()} stops everything at once (the workers get SIGTERM). A pool still running when the
 * main program ends is terminated, as its finalizer does at exit. (Python's {@code with Pool() as p:}
 * terminates it at the block's end; Java's try-with-resources would call {@code close()}, which is
 * Python's gentler close here, so a Pool is no AutoCloseable: end it by hand.)
 * <p>
 * Thread-safety: any thread of the run may call any method; a pool cannot cross to another process.
 */
public final class Pool {

	/** Python's None on the pool's thread queues: the sentinel that stops a handler. */
	static final Object NONE = new Object() {
		@Override
		public String toString() {
			return "None";
		}
	};

	enum State {
		RUN, CLOSE, TERMINATE
	}

	/** A job's tasks as the task handler takes them: CPython's {@code (taskseq, set_length)}. */
	private record Batch(int job, Iterable<PoolWorker.Task> tasks, String shown, IntConsumer setLength)
			implements PyRepr.PyValue {

		@Override
		public String pyRepr() {
			return shown;
		}

	}

	private final Run run;

	private final ProcessQueue inqueue;

	private final ProcessQueue outqueue;

	private final TracedQueue taskqueue;

	private final TracedQueue changeNotifier;

	private final PoolCache cache;

	private final List<PyProcess> workers = new ArrayList<>();

	private final TracedThread workerHandler;

	private final TracedThread taskHandler;

	private final TracedThread resultHandler;

	private volatile State state = State.RUN;

	// each handler thread's own state, as CPython keeps it on the thread (thread._state)
	private volatile State workerHandlerState = State.RUN;

	private volatile State taskHandlerState = State.RUN;

	private volatile State resultHandlerState = State.RUN;

	private final AtomicBoolean terminated = new AtomicBoolean();

	private volatile boolean joined;

	/** {@code multiprocessing.Pool(processes)}: starts the worker processes and the handler threads. */
	public Pool(int processes) throws InterruptedException {
		if (processes < 1) {
			throw new PyValueError("Number of processes must be at least 1");
		}
		this.run = Actor.current().run();
		this.inqueue = new ProcessQueue("_inqueue", 0);
		this.outqueue = new ProcessQueue("_outqueue", 0);
		this.taskqueue = new TracedQueue("_taskqueue", 0);
		this.changeNotifier = new TracedQueue("_change_notifier", 0);
		this.cache = new PoolCache(changeNotifier);
		String mainModule = MainModule.ofCaller();
		try {
			for (int i = 0; i < processes; i++) {
				PyProcess worker = PyProcess.ofClass("SpawnPoolWorker", true, workerTarget(mainModule, inqueue, outqueue));
				worker.start();
				workers.add(worker);
			}
		}
		catch (RuntimeException failed) {
			for (PyProcess worker : workers) {
				worker.terminate();
			}
			throw failed;
		}
		this.workerHandler = new TracedThread(this::handleWorkers, "_handle_workers", true);
		workerHandler.start();
		this.taskHandler = new TracedThread(this::handleTasks, "_handle_tasks", true);
		taskHandler.start();
		this.resultHandler = new TracedThread(this::handleResults, "_handle_results", true);
		resultHandler.start();
		// the pool's finalizer: multiprocessing's exit function terminates a pool still running
		run.atPythonExit(() -> {
			if (!joined) {
				terminatePool();
			}
		});
	}

	/** What each worker process runs; made here, so the pool itself is not pickled with it. */
	private static PyTarget workerTarget(String mainModule, ProcessQueue inqueue, ProcessQueue outqueue) {
		return () -> {
			MainModule.importIn(mainModule); // spawn: the child imports the program first
			PoolWorker.work(inqueue, outqueue);
		};
	}

	// ---- what the caller does ----

	/** {@code apply(func, args)}: runs it in a worker process and waits for its result. */
	public <T> T apply(String call, PicklableCallable<T> fn) throws Exception {
		return applyAsync(call, fn).get();
	}

	/**
	 * {@code apply_async(func, args)}: returns at once with its {@link AsyncResult}; {@code call} names it
	 * ({@code "get_html(3)"}), {@code fn} is the call, whose captured arguments cross to the worker.
	 */
	public <T> AsyncResult<T> applyAsync(String call, PicklableCallable<T> fn) throws InterruptedException {
		checkRunning();
		AsyncResult<T> result = new AsyncResult<>(cache, PoolCache.nextJob(run), call);
		PoolWorker.Task task = new PoolWorker.Task(result.job(), 0, call, fn, result.name());
		taskqueue.put(new Batch(result.job(), List.of(task), "([" + PyRepr.repr(task) + "], None)", null));
		return result;
	}

	/** {@code map(func, iterable)}: the results in the order of the items, once all are in. */
	public <A, T> List<T> map(String function, PicklableFunction<A, T> fn, List<A> items) throws Exception {
		return mapAsync(function, fn, items).get();
	}

	/**
	 * {@code map_async(func, iterable)}: the items go in chunks, as CPython cuts them (about four chunks
	 * per worker), each chunk one task; {@code function} names the function ({@code "get_html"}).
	 */
	public <A, T> MapResult<T> mapAsync(String function, PicklableFunction<A, T> fn, List<A> items)
			throws InterruptedException {
		checkRunning();
		int chunksize = items.size() / (workers.size() * 4) + (items.size() % (workers.size() * 4) == 0 ? 0 : 1);
		if (items.isEmpty()) {
			chunksize = 0;
		}
		int job = PoolCache.nextJob(run);
		MapResult<T> result = new MapResult<>(cache, job, function + " over " + PyRepr.repr(items), chunksize,
				items.size());
		List<PoolWorker.Task> tasks = new ArrayList<>();
		for (int start = 0, i = 0; chunksize > 0 && start < items.size(); start += chunksize, i++) {
			ArrayList<A> chunk = new ArrayList<>(items.subList(start, Math.min(items.size(), start + chunksize)));
			tasks.add(new PoolWorker.Task(job, i, "mapstar(" + function + ", " + PyRepr.repr(chunk.toArray()) + ")",
					chunkCall(fn, chunk), result.name()));
		}
		taskqueue.put(new Batch(job, tasks, "(<tasks of job " + job + ">, None)", null));
		return result;
	}

	/** CPython's {@code mapstar}: a chunk's function applied to each of its items, in a worker. */
	private static <A, T> PicklableCallable<List<T>> chunkCall(PicklableFunction<A, T> fn, ArrayList<A> chunk) {
		return () -> {
			List<T> results = new ArrayList<>();
			for (A item : chunk) {
				results.add(fn.apply(item));
			}
			return results;
		};
	}

	/** {@code func(item)}, to cross to a worker: made here so that it captures nothing else. */
	private static <A, T> PicklableCallable<T> oneCall(PicklableFunction<A, T> fn, A item) {
		return () -> fn.apply(item);
	}

	/**
	 * {@code imap(func, iterable)}: an iterator over the results in the order of the items, each handed
	 * out as soon as it and every one before it are in. The tasks themselves run at the same time.
	 */
	public <A, T> IMapIterator<T> imap(String function, PicklableFunction<A, T> fn, List<A> items)
			throws InterruptedException {
		return imap(function, fn, items, false);
	}

	/** {@code imap_unordered(func, iterable)}: an iterator over the results in the order they finish. */
	public <A, T> IMapIterator<T> imapUnordered(String function, PicklableFunction<A, T> fn, List<A> items)
			throws InterruptedException {
		return imap(function, fn, items, true);
	}

	private <A, T> IMapIterator<T> imap(String function, PicklableFunction<A, T> fn, List<A> items, boolean unordered)
			throws InterruptedException {
		checkRunning();
		IMapIterator<T> result = new IMapIterator<>(cache, PoolCache.nextJob(run), unordered);
		List<A> copy = new ArrayList<>(items);
		// CPython's _guarded_task_generation: the tasks are made one by one as the task handler sends them
		Iterable<PoolWorker.Task> tasks = () -> new Iterator<>() {

			int i;

			@Override
			public boolean hasNext() {
				return i < copy.size();
			}

			@Override
			public PoolWorker.Task next() {
				A item = copy.get(i);
				return new PoolWorker.Task(result.job(), i++, function + "(" + PyRepr.repr(item) + ")",
						oneCall(fn, item), null);
			}

		};
		taskqueue.put(new Batch(result.job(), tasks,
				"(<generator of " + function + " over " + PyRepr.repr(copy) + ">, _set_length)", result::setLength));
		return result;
	}

	/** {@code close()}: no new work; the workers stop once the queued work is done. */
	public void close() throws InterruptedException {
		if (state == State.RUN) {
			state = State.CLOSE;
			workerHandlerState = State.CLOSE;
			changeNotifier.put(NONE);
		}
	}

	/** {@code terminate()}: stops the workers at once, done or not. */
	public void terminate() throws InterruptedException {
		state = State.TERMINATE;
		terminatePool();
	}

	/**
	 * {@code join()}: waits for the handler threads and the worker processes to end; only after
	 * {@link #close()} or {@link #terminate()}.
	 */
	public void join() throws InterruptedException {
		if (state == State.RUN) {
			throw new PyValueError("Pool is still running");
		}
		workerHandler.join();
		taskHandler.join();
		resultHandler.join();
		for (PyProcess worker : workers) {
			worker.join();
		}
		joined = true;
	}

	private void checkRunning() {
		if (state != State.RUN) {
			throw new PyValueError("Pool not running");
		}
	}

	/** The worker processes, in the order they were started. */
	public List<PyProcess> workers() {
		return List.copyOf(workers);
	}

	// ---- the handler threads ----

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
	 * CPython's {@code _terminate_pool}, once: stops the handlers, SIGTERMs the workers still running, and
	 * joins them all. (CPython first empties the in-queue, should the task handler be stuck writing to
	 * a full pipe; ThreadLab's tasks are small and never fill it.)
	 */
	private void terminatePool() throws InterruptedException {
		if (!terminated.compareAndSet(false, true)) {
			return;
		}
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
		joined = true;
	}

	/** As CPython's repr: {@code <multiprocessing.pool.Pool state=RUN pool_size=2>}. */
	@Override
	public String toString() {
		return "<multiprocessing.pool.Pool state=" + state + " pool_size=" + workers.size() + ">";
	}

}
