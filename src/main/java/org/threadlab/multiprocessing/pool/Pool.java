package org.threadlab.multiprocessing.pool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.threadlab.builtins.PyRepr;
import org.threadlab.builtins.PyValueError;
import org.threadlab.ipc.PicklableCallable;
import org.threadlab.ipc.PicklableFunction;
import org.threadlab.ipc.ProcessQueue;
import org.threadlab.multiprocessing.MainModule;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.multiprocessing.pool.PoolHandlers.Batch;
import org.threadlab.probe.TracedQueue;
import org.threadlab.run.Actor;
import org.threadlab.run.Run;

/**
 * Python's {@code multiprocessing.Pool}, built as CPython 3.11 builds it, with the spawn start method
 * (ThreadLab's processes are new JVMs that are sent what they run, as spawn sends a new interpreter).
 * <p>
 * {@code Pool(processes)} starts its worker processes at once — real child JVMs named
 * {@code SpawnPoolWorker-N}, daemonic, each running {@link PoolWorker#work} for as long as the pool
 * lives, task after task — and three handler threads in this process ({@link PoolHandlers}):
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
 * This class is the caller's side. Thread-safety: any thread of the run may call any method; a pool
 * cannot cross to another process.
 */
public final class Pool {

	/** CPython's pool states: the pool's own, and each handler thread's. */
	enum State {
		RUN, CLOSE, TERMINATE
	}

	private final Run run;

	private final TracedQueue taskqueue;

	private final PoolCache cache;

	private final List<PyProcess> workers = new ArrayList<>();

	private final PoolHandlers handlers;

	private volatile State state = State.RUN;

	private final AtomicBoolean terminated = new AtomicBoolean();

	private volatile boolean joined;

	/** {@code multiprocessing.Pool(processes)}: starts the worker processes and the handler threads. */
	public Pool(int processes) throws InterruptedException {
		if (processes < 1) {
			throw new PyValueError("Number of processes must be at least 1");
		}
		this.run = Actor.current().run();
		ProcessQueue inqueue = new ProcessQueue("_inqueue", 0);
		ProcessQueue outqueue = new ProcessQueue("_outqueue", 0);
		this.taskqueue = new TracedQueue("_taskqueue", 0);
		TracedQueue changeNotifier = new TracedQueue("_change_notifier", 0);
		this.cache = new PoolCache(changeNotifier);
		String mainModule = MainModule.ofCaller();
		try {
			for (int i = 0; i < processes; i++) {
				PyProcess worker = PyProcess.ofClass("SpawnPoolWorker", true, PoolWorker.target(mainModule, inqueue, outqueue));
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
		this.handlers = new PoolHandlers(inqueue, outqueue, taskqueue, changeNotifier, cache, workers);
		// the pool's finalizer: multiprocessing's exit function terminates a pool still running
		run.atPythonExit(() -> {
			if (!joined) {
				terminatePool();
			}
		});
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
					PoolWorker.mapstar(fn, chunk), result.name()));
		}
		taskqueue.put(new Batch(job, tasks, "(<tasks of job " + job + ">, None)", null));
		return result;
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
						PoolWorker.oneCall(fn, item), null);
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
			handlers.close();
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
		handlers.join();
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

	/**
	 * The pool's finalizer ({@code util.Finalize(self, _terminate_pool)}), which runs once: the handlers'
	 * {@link PoolHandlers#terminatePool}.
	 */
	private void terminatePool() throws InterruptedException {
		if (!terminated.compareAndSet(false, true)) {
			return;
		}
		handlers.terminatePool();
		joined = true;
	}

	/** As CPython's repr: {@code <multiprocessing.pool.Pool state=RUN pool_size=2>}. */
	@Override
	public String toString() {
		return "<multiprocessing.pool.Pool state=" + state + " pool_size=" + workers.size() + ">";
	}

}
