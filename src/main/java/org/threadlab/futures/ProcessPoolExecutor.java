package org.threadlab.futures;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.builtins.PyRuntimeError;
import org.threadlab.builtins.PyValueError;
import org.threadlab.ipc.Connection;
import org.threadlab.ipc.PicklableCallable;
import org.threadlab.ipc.PicklableFunction;
import org.threadlab.ipc.ProcessQueue;
import org.threadlab.multiprocessing.MainModule;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedQueue;
import org.threadlab.probe.TracedSemaphore;
import org.threadlab.run.Actor;
import org.threadlab.run.Run;

/**
 * Python's {@code concurrent.futures.ProcessPoolExecutor}, built as CPython 3.11 builds it, with the
 * spawn start method; its futures are the thread pool's {@link TracedFuture}s, so {@link Futures}'
 * {@code as_completed} and {@code wait} work on both.
 * <p>
 * Its insides, each drawn: {@code submit} makes a future and a work item, keeps the item among the
 * <b>pending work items</b> and its id on the {@code _work_ids} queue, wakes the <b>executor manager
 * thread</b> ({@link ExecutorManagerThread}, of this process, started by the first submit) and starts a
 * worker process if none is idle and there are fewer than {@code max_workers} (the workers are real
 * child JVMs named {@code SpawnProcess-N}). The manager thread moves work items to the <b>call
 * queue</b> — a pipe to the workers that holds at most {@code max_workers + 1} items, and a future is
 * RUNNING (no longer cancellable) from the moment its item goes there, before any worker has taken it —
 * then waits for the <b>result queue</b> (the pipe back) or a wakeup, and sets each future's result or
 * exception as the workers send them. Each worker process loops ({@link ProcessWorker}): take a call
 * item, run it, send the result back. {@code shutdown} tells the manager, which sends each worker a None, joins them and ends.
 * <p>
 * What the manager waits on, CPython waits on with one {@code select} over the result pipe, the wakeup
 * pipe and the workers' ends; the JVM cannot wait on named pipes so, and the manager looks at the three
 * every millisecond instead, without the GIL. A worker that dies breaks the pool, as in CPython: every
 * pending future gets {@code BrokenProcessPool}.
 * <p>
 * This class is the caller's side. Thread-safety: any actor may submit, map and shut down; the state
 * they share with the manager thread changes under {@code _shutdown_lock}, a traced lock, in concurrent
 * maps and queues, or in volatile flags.
 */
public final class ProcessPoolExecutor implements AutoCloseable {

	/** CPython's {@code EXTRA_QUEUED_CALLS}: how many more calls than workers the call queue holds. */
	static final int EXTRA_QUEUED_CALLS = 1;

	private static final String WAKEUP_READER = "_thread_wakeup._reader";

	/** What a work item is: CPython's {@code _WorkItem}, the future and the call to run. */
	record WorkItem<T>(TracedFuture<T> future, String call, PicklableCallable<T> fn) {
	}

	/** The bytes a wakeup sends: CPython sends {@code b""}. */
	private static final class Wakeup implements Serializable, PyRepr.PyValue {

		@Serial
		private static final long serialVersionUID = 1L;

		@Override
		public String pyRepr() {
			return "b''";
		}

	}

	/** Python's {@code concurrent.futures.process.BrokenProcessPool}. */
	public static final class BrokenProcessPool extends PyException {

		@Serial
		private static final long serialVersionUID = 1L;

		BrokenProcessPool(String message) {
			super("concurrent.futures.process.BrokenProcessPool", message);
		}

	}

	private final int maxWorkers;

	private final TracedLock shutdownLock;

	/** The program's main module, which each spawned worker imports first. */
	private final String mainModule = MainModule.ofCaller();

	private final Connection wakeupWriter;

	private volatile ExecutorManagerThread manager;

	private int queueCount; // guarded by shutdownLock

	// ---- shared with the executor manager thread, which takes them in its constructor, as CPython's does ----

	final TracedSemaphore idleWorkerSemaphore;

	final Map<Integer, WorkItem<?>> pendingWorkItems = new ConcurrentHashMap<>();

	final TracedQueue workIds;

	final ProcessQueue callQueue;

	final ProcessQueue resultQueue;

	final Connection wakeupReader;

	/** The workers by pid, as CPython's {@code _processes}; in the order started. */
	final Map<Long, PyProcess> processes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

	// ---- flags set here and by the manager thread, which reads and sets them as CPython's executor._broken ----

	volatile boolean shutdownThread;

	volatile boolean cancelPendingFutures;

	volatile String broken;

	volatile boolean globalShutdown;

	/** {@code ProcessPoolExecutor(max_workers)}: no process starts yet; the first submit starts one. */
	public ProcessPoolExecutor(int maxWorkers) throws InterruptedException {
		if (maxWorkers <= 0) {
			throw new PyValueError("max_workers must be greater than 0");
		}
		Run run = Actor.current().run();
		this.maxWorkers = maxWorkers;
		this.shutdownLock = new TracedLock("_shutdown_lock");
		this.idleWorkerSemaphore = TracedSemaphore.semaphore("_idle_worker_semaphore", 0);
		List<Connection> wakeup = Connection.pipe(WAKEUP_READER, "_thread_wakeup._writer", false);
		this.wakeupReader = wakeup.get(0);
		this.wakeupWriter = wakeup.get(1);
		this.callQueue = new ProcessQueue("_call_queue", maxWorkers + EXTRA_QUEUED_CALLS);
		this.resultQueue = new ProcessQueue("_result_queue", 0);
		this.workIds = new TracedQueue("_work_ids", 0);
		// CPython's _python_exit, registered with threading._register_atexit: wake the manager and join it
		run.atExit(() -> {
			ExecutorManagerThread m = manager;
			if (m != null && m.isAlive()) {
				globalShutdown = true;
				wakeupWriter.send(new Wakeup());
				m.join();
			}
		});
	}

	/** {@code executor.submit(fn, *args)}: returns at once with the future; {@code call} names it ("fib(25)"). */
	public <T> TracedFuture<T> submit(String call, PicklableCallable<T> fn) throws InterruptedException {
		shutdownLock.acquire();
		try {
			if (broken != null) {
				throw new BrokenProcessPool(broken);
			}
			if (shutdownThread) {
				throw new PyRuntimeError("cannot schedule new futures after shutdown");
			}
			if (globalShutdown) {
				throw new PyRuntimeError("cannot schedule new futures after interpreter shutdown");
			}
			int workId = queueCount++;
			TracedFuture<T> future = new TracedFuture<>(futureName(workId), call);
			pendingWorkItems.put(workId, new WorkItem<>(future, call, fn));
			workIds.put(workId);
			wakeupWriter.send(new Wakeup()); // wake up the manager thread
			adjustProcessCount();
			startExecutorManagerThread();
			return future;
		}
		finally {
			shutdownLock.release();
		}
	}

	/** Futures named apart from a thread pool's of the same run ({@code future-0}, ...). */
	private String futureName(int workId) {
		return "process-future-" + workId;
	}

	/** Spawn: a new worker only if none is idle and there are fewer than max_workers. */
	private void adjustProcessCount() throws InterruptedException {
		if (idleWorkerSemaphore.acquire(0)) {
			return; // an idle worker will take it
		}
		if (processes.size() < maxWorkers) {
			spawnProcess();
		}
	}

	private void spawnProcess() throws InterruptedException {
		PyProcess worker = PyProcess.ofClass("SpawnProcess", false, ProcessWorker.target(mainModule, callQueue, resultQueue));
		worker.start();
		processes.put(worker.pid(), worker);
	}

	private void startExecutorManagerThread() throws InterruptedException {
		if (manager == null) {
			manager = new ExecutorManagerThread(this);
			manager.start();
		}
	}

	/**
	 * {@code executor.map(fn, items)}: submits all at once (each item its own call: CPython's chunks of
	 * one), then gives the results in the order of the items, each waiting for its own.
	 */
	public <A, T> Iterator<T> map(Function<A, String> call, PicklableFunction<A, T> fn, List<A> items)
			throws InterruptedException {
		List<TracedFuture<T>> submitted = new ArrayList<>();
		for (A item : items) {
			submitted.add(submit(call.apply(item), ProcessWorker.oneCall(fn, item)));
		}
		return TracedExecutor.resultsInOrder(submitted, Long.MAX_VALUE);
	}

	/**
	 * {@code executor.shutdown(wait, cancel_futures)}: no new work; with {@code cancelFutures} the futures
	 * not yet running are cancelled; with {@code wait}, returns once the manager thread (which joins the
	 * workers) has ended.
	 */
	public void shutdown(boolean wait, boolean cancelFutures) throws InterruptedException {
		shutdownLock.acquire();
		try {
			cancelPendingFutures = cancelFutures;
			shutdownThread = true;
			wakeupWriter.send(new Wakeup());
		}
		finally {
			shutdownLock.release();
		}
		ExecutorManagerThread m = manager;
		if (m != null && wait) {
			m.join();
		}
	}

	/** The end of a {@code with} block: shutdown(wait=True). */
	@Override
	public void close() throws InterruptedException {
		shutdown(true, false);
	}

	public int maxWorkers() {
		return maxWorkers;
	}

	/** The worker processes started so far. */
	public List<PyProcess> workers() {
		synchronized (processes) {
			return List.copyOf(processes.values());
		}
	}

}
