package org.threadlab.multiprocessing.pool;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.ipc.PicklableCallable;
import org.threadlab.ipc.PicklableFunction;
import org.threadlab.ipc.ProcessQueue;
import org.threadlab.builtins.PyErrors;
import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.multiprocessing.MainModule;
import org.threadlab.multiprocessing.PyTarget;
import org.threadlab.run.Actor;

/**
 * The side of a {@link Pool} that runs in its worker processes: CPython's {@code worker()} loop, and
 * what crosses the pool's two pipes — a {@link Task} on the in-queue, a {@link Result} on the out-queue.
 * Stateless; the loop runs on a worker process's main thread. The lambdas a worker unpickles are made
 * here, so a worker never loads the pool.
 */
final class PoolWorker {

	private PoolWorker() {
	}

	/**
	 * One task of a job, as the task handler sends it: CPython's {@code (job, i, func, args, kwds)},
	 * shown as {@code (0, 2, get_html(3))}; {@code panel} names the object whose panel shows the job's
	 * state (an AsyncResult's), or is null. A class, not a record: a record's first unpickling in a JVM
	 * costs tens of milliseconds more, which every worker paid.
	 */
	static final class Task implements Serializable, PyRepr.PyValue {

		@Serial
		private static final long serialVersionUID = 1L;

		private final int job;

		private final int index;

		private final String call;

		private final PicklableCallable<?> fn;

		private final String panel;

		Task(int job, int index, String call, PicklableCallable<?> fn, String panel) {
			this.job = job;
			this.index = index;
			this.call = call;
			this.fn = fn;
			this.panel = panel;
		}

		int job() {
			return job;
		}

		int index() {
			return index;
		}

		PicklableCallable<?> fn() {
			return fn;
		}

		String panel() {
			return panel;
		}

		@Override
		public String pyRepr() {
			return "(" + job + ", " + index + ", " + call + ")";
		}

	}

	/** What a worker sends back: CPython's {@code (job, i, (success, value))}. A class, as {@link Task}. */
	static final class Result implements Serializable, PyRepr.PyValue {

		@Serial
		private static final long serialVersionUID = 1L;

		private final int job;

		private final int index;

		private final boolean success;

		private final Object value;

		Result(int job, int index, boolean success, Object value) {
			this.job = job;
			this.index = index;
			this.success = success;
			this.value = value;
		}

		int job() {
			return job;
		}

		int index() {
			return index;
		}

		boolean success() {
			return success;
		}

		Object value() {
			return value;
		}

		@Override
		public String pyRepr() {
			return "(" + job + ", " + index + ", (" + PyRepr.repr(success) + ", " + PyRepr.repr(value) + "))";
		}

	}

	/** CPython's {@code MaybeEncodingError}: a result the worker could not pickle. */
	static final class MaybeEncodingError extends PyException {

		@Serial
		private static final long serialVersionUID = 1L;

		MaybeEncodingError(Throwable reason, Object value) {
			super("multiprocessing.pool.MaybeEncodingError",
					"Error sending result: '" + PyRepr.repr(value) + "'. Reason: '" + PyErrors.describe(reason) + "'");
		}

	}

	/**
	 * What each worker process runs, as the pool starts it: spawn's import of the program's main module,
	 * then {@link #work}. Made here, so the pool itself is not pickled with it.
	 */
	static PyTarget target(String mainModule, ProcessQueue inqueue, ProcessQueue outqueue) {
		return () -> {
			MainModule.importIn(mainModule); // spawn: the child imports the program first
			work(inqueue, outqueue);
		};
	}

	/** CPython's {@code mapstar}: a chunk's function applied to each of its items, in a worker. */
	static <A, T> PicklableCallable<List<T>> mapstar(PicklableFunction<A, T> fn, ArrayList<A> chunk) {
		return () -> {
			List<T> results = new ArrayList<>();
			for (A item : chunk) {
				results.add(fn.apply(item));
			}
			return results;
		};
	}

	/** {@code func(item)}, one task of {@code imap}, to cross to a worker: made here so that it captures nothing else. */
	static <A, T> PicklableCallable<T> oneCall(PicklableFunction<A, T> fn, A item) {
		return () -> fn.apply(item);
	}

	/**
	 * CPython's {@code worker(inqueue, outqueue)}, in a worker process: takes a task, runs it, sends back
	 * {@code (True, result)} or {@code (False, exception)}, and again, until the sentinel None comes.
	 */
	static void work(ProcessQueue inqueue, ProcessQueue outqueue) throws InterruptedException {
		while (true) {
			Object item = inqueue.get();
			if (item == null) {
				return; // the sentinel: no more work
			}
			Task task = (Task) item;
			if (task.panel() != null) {
				// CPython's AsyncResult does not know who runs it; its panel here tells
				Actor me = Actor.current();
				me.hook().instant(me, EventKind.RUNNING, task.panel(), null, Event.NO_CAUSE);
			}
			Result result;
			try {
				result = new Result(task.job(), task.index(), true, task.fn().call());
			}
			catch (InterruptedException stopping) {
				throw stopping;
			}
			catch (Exception | StackOverflowError raised) {
				result = new Result(task.job(), task.index(), false, raised);
			}
			try {
				outqueue.put(result);
			}
			catch (RuntimeException unpicklable) {
				outqueue.put(new Result(task.job(), task.index(), false, new MaybeEncodingError(unpicklable, result.value())));
			}
		}
	}

}
