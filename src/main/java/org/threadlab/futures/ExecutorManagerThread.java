package org.threadlab.futures;

import java.util.List;
import java.util.Map;

import org.threadlab.builtins.PyErrors;
import org.threadlab.builtins.PyException;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.futures.ProcessPoolExecutor.BrokenProcessPool;
import org.threadlab.futures.ProcessPoolExecutor.WorkItem;
import org.threadlab.futures.ProcessWorker.CallItem;
import org.threadlab.futures.ProcessWorker.ResultItem;
import org.threadlab.ipc.Connection;
import org.threadlab.ipc.ProcessQueue;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.probe.TracedQueue;
import org.threadlab.probe.TracedSemaphore;
import org.threadlab.probe.TracedThread;
import org.threadlab.run.Actor;

/**
 * CPython's {@code _ExecutorManagerThread}: the thread of the caller's process, started by a
 * {@link ProcessPoolExecutor}'s first submit, that moves work items to the call queue, waits for a
 * result, a wakeup or a worker's end, sets each future from what the workers send back, and on shutdown
 * stops the workers and joins them. A Thread subclass, so named {@code Thread-N}.
 * <p>
 * Thread-safety: its methods run on this thread only. It holds the executor's queues, pending work items
 * and workers, as CPython's takes them from the executor, and reads and sets the executor's shutdown
 * flags (volatile) as CPython's sets {@code executor._shutdown_thread}.
 */
final class ExecutorManagerThread extends TracedThread {

	/** What the manager's wait returns when a worker has died. */
	private static final Object BROKEN = new Object();

	private final ProcessPoolExecutor executor;

	private final TracedSemaphore idleWorkerSemaphore;

	private final Map<Integer, WorkItem<?>> pendingWorkItems;

	private final TracedQueue workIds;

	private final ProcessQueue callQueue;

	private final ProcessQueue resultQueue;

	private final Connection wakeupReader;

	private final Map<Long, PyProcess> processes;

	private boolean joinedInternals;

	ExecutorManagerThread(ProcessPoolExecutor executor) {
		super(false);
		this.executor = executor;
		this.idleWorkerSemaphore = executor.idleWorkerSemaphore;
		this.pendingWorkItems = executor.pendingWorkItems;
		this.workIds = executor.workIds;
		this.callQueue = executor.callQueue;
		this.resultQueue = executor.resultQueue;
		this.wakeupReader = executor.wakeupReader;
		this.processes = executor.processes;
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
		return executor.globalShutdown || executor.shutdownThread;
	}

	/** Cancels what has not started yet, if shutdown asked for it, once. */
	private void flagExecutorShuttingDown() throws InterruptedException {
		executor.shutdownThread = true;
		if (executor.cancelPendingFutures) {
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
			executor.cancelPendingFutures = false;
		}
	}

	/** A worker died: every pending future fails, and the other workers are stopped. */
	private void terminateBroken() throws InterruptedException {
		executor.broken = "A child process terminated abruptly, the process pool is not usable anymore";
		executor.shutdownThread = true;
		BrokenProcessPool error = new BrokenProcessPool(
				"A process in the process pool was terminated abruptly while the future was running or pending.");
		for (WorkItem<?> workItem : List.copyOf(pendingWorkItems.values())) {
			workItem.future().setException(error);
		}
		pendingWorkItems.clear();
		for (PyProcess worker : executor.workers()) {
			worker.terminate();
		}
		for (PyProcess worker : executor.workers()) {
			worker.join();
		}
	}

	/** Sends each worker still running a None, then joins them all. */
	private void joinExecutorInternals() throws InterruptedException {
		if (joinedInternals) {
			return;
		}
		joinedInternals = true;
		for (PyProcess worker : executor.workers()) {
			if (worker.isAlive()) {
				callQueue.put(null);
			}
		}
		for (PyProcess worker : executor.workers()) {
			worker.join();
		}
	}

	private static Exception asException(Throwable raised) {
		return raised instanceof Exception ex ? ex : PyErrors.unchecked(raised);
	}

}
