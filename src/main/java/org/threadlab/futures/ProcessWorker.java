package org.threadlab.futures;

import java.io.Serial;
import java.io.Serializable;

import org.threadlab.builtins.PyRepr;
import org.threadlab.ipc.PicklableCallable;
import org.threadlab.ipc.PicklableFunction;
import org.threadlab.ipc.ProcessQueue;
import org.threadlab.multiprocessing.MainModule;
import org.threadlab.multiprocessing.Os;
import org.threadlab.multiprocessing.PyTarget;

/**
 * The side of a {@link ProcessPoolExecutor} that runs in its worker processes: CPython's
 * {@code _process_worker} loop, and what crosses the executor's two pipes — a {@link CallItem} on the
 * call queue, a {@link ResultItem} on the result queue. Stateless; the loop runs on a worker process's
 * main thread. The lambdas a worker unpickles are made here, so a worker never loads the executor.
 */
final class ProcessWorker {

	private ProcessWorker() {
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

	/**
	 * What each worker process runs, as the executor starts it: spawn's import of the program's main
	 * module, then {@link #work}. Made here, so the executor itself is not pickled with it.
	 */
	static PyTarget target(String mainModule, ProcessQueue callQueue, ProcessQueue resultQueue) {
		return () -> {
			MainModule.importIn(mainModule); // spawn: the child imports the program first
			work(callQueue, resultQueue);
		};
	}

	/**
	 * {@code fn(item)}, one call of the executor's {@code map} (CPython's {@code _process_chunk} of a chunk of
	 * one), to cross to a worker: made here, so that it captures nothing else.
	 */
	static <A, T> PicklableCallable<T> oneCall(PicklableFunction<A, T> fn, A item) {
		return () -> fn.apply(item);
	}

	/**
	 * CPython's {@code _process_worker}, in a worker process: takes call items from the call queue, runs
	 * each, sends back a result item; on a None, sends its pid (telling the manager it ends) and ends.
	 */
	static void work(ProcessQueue callQueue, ProcessQueue resultQueue) throws InterruptedException {
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

}
