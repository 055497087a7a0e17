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

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.ipc.Connection;
import org.threadlab.ipc.ProcessQueue;
import org.threadlab.multiprocessing.MainModule;
import org.threadlab.builtins.PyRuntimeError;
import org.threadlab.builtins.PyValueError;
import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedQueue;
import org.threadlab.probe.TracedSemaphore;
import org.threadlab.probe.TracedThread;
import org.threadlab.multiprocessing.Os;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.multiprocessing.PyTarget;
import org.threadlab.builtins.PyErrors;
import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Actor;
import org.threadlab.run.Run;
import org.threadlab.ipc.PicklableCallable;
import org.threadlab.ipc.PicklableFunction;

/**
 * Python's {@code concurrent.futures.ProcessPoolExecutor}, built as CPython 3.11 builds it, with the
 * spawn start method; its futures are the thread pool's {@link TracedFuture}s, so {@link Futures}'
 * {@code as_completed} and {@code wait} work on both.
 * <p>
 * Its insides, each drawn: {@code submit} makes a future and a work item, keeps the item among the
 * <b>pending work items</b> and its id on the {@code _work_ids} queue, wakes the <b>executor manager
 * thread</b> (a thread of this process, {@code Thread-N}, started by the first submit) and starts a
 * worker process if none is idle and there are fewer than {@code max_workers} (the workers are real
 * child JVMs named {@code SpawnProcess-N}). The manager thread moves work items to the <b>call
 * queue</b> — a pipe to the workers that holds at most {@code max_workers + 1} items, and a future is
 * RUNNING (no longer cancellable) from the moment its item goes there, before any worker has taken it —
 * then waits for the <b>result queue</b> (the pipe back) or a wakeup, and sets each future's result or
 * exception as the workers send them. Each worker process loops: take a call item, run it, send the
 * result back. {@code shutdown} tells the manager, which sends each worker a None, joins them and ends.
 * <p>
 * What the manager waits on, CPython waits on with one {@code select} over the result pipe, the wakeup
 * pipe and the workers' ends; the JVM cannot wait on named pipes so, and the manager looks at the three
 * every millisecond instead, without the GIL. A worker that dies breaks the pool, as in CPython: every
 * pending future gets {@code BrokenProcessPool}.
 * <p>
 * Thread-safety: any actor may submit, map and shut down; the state they share with the manager thread
 * changes under {@code _shutdown_lock}, a traced lock, or in concurrent maps.
 */
public final class ProcessPoolExecutor implements AutoCloseable {

	/** CPython's {@code EXTRA_QUEUED_CALLS}: how many more calls than workers the call queue holds. */
	static final int EXTRA_QUEUED_CALLS = 1;

	private static final String WAKEUP_READER = "_thread_wakeup._reader";

	/** What a work item is: the future, and the call to run. */
	private record WorkItem<T>(TracedFuture<T> future, String call, PicklableCallable<T> fn) {
	}

	/**
	 * What crosses to a worker on the call queue: CPython's {@code _CallItem}. A class, not a record: a
	 * record's first unpickling in a JVM costs tens of milliseconds more, which every worker paid.
	 */
	static final class CallItem implements Serializable, PyRepr.PyValue {

		@Serial
		private static final long serialVersionUID = 1L;

		private final int workId;

		private final String call;

		private final PicklableCallable<?> fn;

		CallItem(int workId, String call, PicklableCallable<?> fn) {
			this.workId = workId;
			this.call = call;
			this.fn = fn;
		}

		int workId() {
			return workId;
		}

		PicklableCallable<?> fn() {
			return fn;
		}

		@Override
		public String pyRepr() {
			return "_CallItem(" + workId + ", " + call + ")";
		}

	}

	/** What a worker sends back on the result queue: CPython's {@code _ResultItem}. A class, as {@link CallItem}. */
	static final class ResultItem implements Serializable, PyRepr.PyValue {

		@Serial
		private static final long serialVersionUID = 1L;

		private final int workId;

		private final Object result;

		private final Throwable exception;

		ResultItem(int workId, Object result, Throwable exception) {
			this.workId = workId;
			this.result = result;
			this.exception = exception;
		}

		int workId() {
			return workId;
		}

		Object result() {
			return result;
		}

		Throwable exception() {
			return exception;
		}

		@Override
		public String pyRepr() {
			return "_ResultItem(" + workId + ", " + (exception == null ? "result=" + PyRepr.repr(result)
					: "exception=" + PyRepr.repr(exception)) + ")";
		}

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

	private final TracedSemaphore idleWorkerSemaphore;

	/** The program's main module, which each spawned worker imports first. */
	private final String mainModule = MainModule.ofCaller();

	private final Map<Integer, WorkItem<?>> pendingWorkItems = new ConcurrentHashMap<>();

	private final TracedQueue workIds;

	private final ProcessQueue callQueue;

	private final ProcessQueue resultQueue;

	private final Connection wakeupReader;

	private final Connection wakeupWriter;

	/** The workers by pid, as CPython's {@code _processes}; in the order started. */
	private final Map<Long, PyProcess> processes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

	private volatile ExecutorManagerThread manager;

	private volatile boolean shutdownThread;

	private volatile boolean cancelPendingFutures;

	private volatile String broken;

	private volatile boolean globalShutdown;

	private int queueCount; // guarded by shutdownLock

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
		PyProcess worker = PyProcess.ofClass("SpawnProcess", false, workerTarget(mainModule, callQueue, resultQueue));
		worker.start();
		processes.put(worker.pid(), worker);
	}

	/** What each worker process runs; made here, so the executor itself is not pickled with it. */
	private static PyTarget workerTarget(String mainModule, ProcessQueue callQueue, ProcessQueue resultQueue) {
		return () -> {
			MainModule.importIn(mainModule); // spawn: the child imports the program first
			processWorker(callQueue, resultQueue);
		};
	}

	private void startExecutorManagerThread() throws InterruptedException {
		if (manager == null) {
			manager = new ExecutorManagerThread();
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
			submitted.add(submit(call.apply(item), oneCall(fn, item)));
		}
		return TracedExecutor.resultsInOrder(submitted, Long.MAX_VALUE);
	}

	private static <A, T> PicklableCallable<T> oneCall(PicklableFunction<A, T> fn, A item) {
		return () -> fn.apply(item);
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

	// ---- in each worker process ----

	/**
	 * CPython's {@code _process_worker}: takes call items from the call queue, runs each, sends back a
	 * result item; on a None, sends its pid (telling the manager it ends) and ends.
	 */
	static void processWorker(ProcessQueue callQueue, ProcessQueue resultQueue) throws InterruptedException {
		while (true) {
			Object item = callQueue.get();
			if (item == null) {
				resultQueue.put(Os.getpid());
				return;
			}
			CallItem call = (CallItem) item;
			ResultItem result;
			try {
				result = new ResultItem(call.workId(), call.fn().call(), null);
			}
			catch (InterruptedException stopping) {
				throw stopping;
			}
			catch (Exception | StackOverflowError raised) {
				result = new ResultItem(call.workId(), null, raised);
			}
			try {
				resultQueue.put(result);
			}
			catch (RuntimeException unpicklable) {
				resultQueue.put(new ResultItem(call.workId(), null, unpicklable)); // CPython's _sendback_result
			}
		}
	}

	// ---- the executor manager thread ----

	/** CPython's {@code _ExecutorManagerThread}: a Thread subclass, so named {@code Thread-N}. */
	private final class ExecutorManagerThread extends TracedThread {

		private boolean joinedInternals;

		ExecutorManagerThread() {
			super(false);
		}

		@Override
		protected void run() throws Exception {
			while (true) {
				addCallItemToQueue();
				Object resultItem = waitResultBrokenOrWakeup();
				if (resultItem == BROKEN) {
					terminateBroken();
					return;
				}
				if (resultItem != null) {
					boolean workerExited = processResultItem(resultItem);
					if (joinedInternals) {
						return;
					}
					if (!workerExited) {
						idleWorkerSemaphore.release(); // its worker is idle again: the next submit may use it
					}
				}
				if (isShuttingDown()) {
					flagExecutorShuttingDown();
					// with only cancelled futures left, the next wait would hang: make sure some run, or none
					addCallItemToQueue();
					if (pendingWorkItems.isEmpty()) {
						joinExecutorInternals();
						return;
					}
				}
			}
		}

		/** Fills the call queue from the pending work items; a future is RUNNING once its item is there. */
		private void addCallItemToQueue() throws InterruptedException {
			while (!callQueue.full()) {
				Object id;
				try {
					id = workIds.getNowait();
				}
				catch (TracedQueue.Empty empty) {
					return;
				}
				int workId = (Integer) id;
				WorkItem<?> workItem = pendingWorkItems.get(workId);
				if (workItem.future().setRunningOrNotifyCancel()) {
					try {
						callQueue.put(new CallItem(workId, workItem.call(), workItem.fn()));
					}
					catch (PyException | java.io.UncheckedIOException unpicklable) {
						// CPython's _SafeQueue: the call cannot be pickled, and never runs; its future says why
						pendingWorkItems.remove(workId);
						workItem.future().setException(unpicklable);
					}
				}
				else {
					pendingWorkItems.remove(workId); // cancelled while pending
				}
			}
		}

		/**
		 * CPython's {@code wait_result_broken_or_wakeup}: a result item, {@link #BROKEN} when a worker died, or
		 * null for a wakeup (whose bytes are then drained).
		 */
		private Object waitResultBrokenOrWakeup() throws InterruptedException {
			Actor me = Actor.current();
			me.hook().before(me, EventKind.WAIT, "_result_queue", "a result, a wakeup or a worker's end");
			String ended = "wakeup";
			boolean dead = false;
			while (true) {
				if (!resultQueue.empty()) {
					ended = "result";
					break;
				}
				if (wakeupReader.poll()) {
					break;
				}
				if (anyWorkerEnded()) {
					dead = true;
					ended = "a worker ended";
					break;
				}
				Thread.sleep(1); // the JVM cannot select() on named pipes: look again in a millisecond
			}
			me.hook().after(me, EventKind.WOKEN, "_result_queue", ended, Event.NO_CAUSE);
			Object item = null;
			if (ended.equals("result")) {
				item = resultQueue.get();
			}
			else if (dead) {
				item = BROKEN;
			}
			while (wakeupReader.poll()) {
				wakeupReader.recv(); // CPython's thread_wakeup.clear()
			}
			return item;
		}

		/** Looked at every millisecond of the wait: no copy of the workers. */
		private boolean anyWorkerEnded() {
			synchronized (processes) {
				for (PyProcess worker : processes.values()) {
					if (worker.exitcode() != null) {
						return true;
					}
				}
			}
			return false;
		}

		/** Sets the future of a result item; true if the item said instead that a worker ended. */
		private boolean processResultItem(Object item) throws InterruptedException {
			if (item instanceof Long pid) {
				// a worker ended cleanly (on shutdown): CPython joins it here
				PyProcess worker = processes.remove(pid);
				if (worker != null) {
					worker.join();
				}
				if (processes.isEmpty()) {
					joinExecutorInternals();
				}
				return true;
			}
			ResultItem result = (ResultItem) item;
			@SuppressWarnings("unchecked")
			WorkItem<Object> workItem = (WorkItem<Object>) pendingWorkItems.remove(result.workId());
			if (workItem != null) {
				if (result.exception() != null) {
					workItem.future().setException(asException(result.exception()));
				}
				else {
					workItem.future().setResult(result.result());
				}
			}
			return false;
		}

		private boolean isShuttingDown() {
			return globalShutdown || shutdownThread;
		}

		/** Cancels what has not started yet, if shutdown asked for it, once. */
		private void flagExecutorShuttingDown() throws InterruptedException {
			shutdownThread = true;
			if (cancelPendingFutures) {
				for (Map.Entry<Integer, WorkItem<?>> entry : List.copyOf(pendingWorkItems.entrySet())) {
					if (entry.getValue().future().cancel()) {
						pendingWorkItems.remove(entry.getKey());
					}
				}
				while (true) {
					try {
						workIds.getNowait();
					}
					catch (TracedQueue.Empty empty) {
						break;
					}
				}
				cancelPendingFutures = false;
			}
		}

		/** A worker died: every pending future fails, and the other workers are stopped. */
		private void terminateBroken() throws InterruptedException {
			broken = "A child process terminated abruptly, the process pool is not usable anymore";
			shutdownThread = true;
			BrokenProcessPool error = new BrokenProcessPool(
					"A process in the process pool was terminated abruptly while the future was running or pending.");
			for (WorkItem<?> workItem : List.copyOf(pendingWorkItems.values())) {
				workItem.future().setException(error);
			}
			pendingWorkItems.clear();
			for (PyProcess worker : workers()) {
				worker.terminate();
			}
			for (PyProcess worker : workers()) {
				worker.join();
			}
		}

		/** Sends each worker still running a None, then joins them all. */
		private void joinExecutorInternals() throws InterruptedException {
			if (joinedInternals) {
				return;
			}
			joinedInternals = true;
			for (PyProcess worker : workers()) {
				if (worker.isAlive()) {
					callQueue.put(null);
				}
			}
			for (PyProcess worker : workers()) {
				worker.join();
			}
		}

	}

	/** What the manager's wait returns when a worker has died. */
	private static final Object BROKEN = new Object();

	private static Exception asException(Throwable raised) {
		return raised instanceof Exception ex ? ex : PyErrors.unchecked(raised);
	}

}
