package org.threadlab.futures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.builtins.PyErrors;
import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.builtins.PyTimeoutError;
import org.threadlab.run.Actor;
import org.threadlab.probe.ReadyWait;

/**
 * Python's {@code concurrent.futures.Future}: the box a result will be put in. Its states are PENDING,
 * RUNNING, then FINISHED (with a result or an exception) or CANCELLED; {@code cancel()} succeeds only
 * while it is pending. Whoever runs the work — a pool's worker thread, or later a process's pipe reader
 * — moves it through its states; it knows nothing of threads, so thread and process pools share it.
 * <p>
 * Events: SUBMIT by the submitter (CREATE first, for its panel), RUNNING and DONE by the runner (DONE's
 * value: the result or what was raised), CANCEL by whoever cancels (value: whether it worked), and for
 * a caller of {@code result()}: WAIT, then RESULT or EXCEPTION caused by the DONE.
 * <p>
 * Thread-safety: any thread may call any method; the state is guarded by a real lock and condition,
 * and a caller of {@link #result} really blocks on it.
 */
public final class TracedFuture<T> {

	public enum State {
		PENDING, RUNNING, FINISHED, CANCELLED
	}

	private final String name;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private final List<Consumer<TracedFuture<T>>> callbacks = new ArrayList<>();

	// guarded by lock; state also read by the watchdog (volatile)
	private volatile State state = State.PENDING;

	private T result;

	private Exception exception;

	private volatile long submitSeq = Event.NO_CAUSE;

	private volatile long runningSeq = Event.NO_CAUSE;

	private volatile long doneSeq = Event.NO_CAUSE;

	/** The actor running the work, once it runs. */
	private volatile Actor runner;

	private final ReadyWait untilDone;

	TracedFuture(String name, String call) {
		this.name = name;
		this.untilDone = new ReadyWait(name, "result", lock, changed, this::isDone, () -> {
			Actor r = runner;
			return r == null || isDone() ? List.of() : List.of(r); // the worker running it must finish it
		});
		Actor me = Actor.current();
		me.hook().instant(me, EventKind.CREATE, name, Map.of("type", "future", "size", 0), Event.NO_CAUSE);
		submitSeq = me.hook().instant(me, EventKind.SUBMIT, name, call, Event.NO_CAUSE);
	}

	public String name() {
		return name;
	}

	/** {@code future.cancel()}: true if it was pending (now cancelled) or already cancelled; false once running. */
	public boolean cancel() {
		Actor me = Actor.current();
		boolean cancelled;
		lock.lock();
		try {
			if (state == State.PENDING) {
				state = State.CANCELLED;
				changed.signalAll();
			}
			cancelled = state == State.CANCELLED;
			me.hook().instantInside(me, EventKind.CANCEL, name, cancelled, Event.NO_CAUSE);
		}
		finally {
			lock.unlock();
		}
		if (cancelled) {
			runCallbacks();
		}
		return cancelled;
	}

	public boolean cancelled() {
		return state == State.CANCELLED;
	}

	public boolean running() {
		return state == State.RUNNING;
	}

	/** {@code future.done()}: finished or cancelled. */
	public boolean done() {
		return isDone();
	}

	private boolean isDone() {
		State s = state;
		return s == State.FINISHED || s == State.CANCELLED;
	}

	public State state() {
		return state;
	}

	/** {@code future.result()}: waits for the result; raises what the work raised, or that it was cancelled. */
	public T result() throws Exception {
		return result(-1);
	}

	/** {@code future.result(timeout)}: raises Python's {@code TimeoutError} if not done in time. */
	public T result(double timeoutSeconds) throws Exception {
		Actor me = Actor.current();
		awaitDone(me, timeoutSeconds);
		lock.lock();
		try {
			if (state == State.CANCELLED) {
				me.hook().instantInside(me, EventKind.EXCEPTION, name, "concurrent.futures.CancelledError", doneSeq);
				throw new CancelledError();
			}
			if (exception != null) {
				me.hook().instantInside(me, EventKind.EXCEPTION, name, PyErrors.describe(exception), doneSeq);
				throw exception;
			}
			me.hook().instantInside(me, EventKind.RESULT, name, PyRepr.repr(result), doneSeq);
			return result;
		}
		finally {
			lock.unlock();
		}
	}

	/** {@code future.exception(timeout)}: what the work raised, or null. */
	public Exception exception(double timeoutSeconds) throws Exception {
		Actor me = Actor.current();
		awaitDone(me, timeoutSeconds);
		if (state == State.CANCELLED) {
			throw new CancelledError();
		}
		return exception;
	}

	private void awaitDone(Actor me, double timeoutSeconds) throws InterruptedException {
		untilDone.awaitOrRaise(me, timeoutSeconds, () -> doneSeq, () -> new PyTimeoutError(null));
	}

	/** {@code future.add_done_callback(fn)}: runs at once if done, else when it is. */
	public void addDoneCallback(Consumer<TracedFuture<T>> callback) {
		boolean now;
		lock.lock();
		try {
			now = isDone();
			if (!now) {
				callbacks.add(callback);
			}
		}
		finally {
			lock.unlock();
		}
		if (now) {
			callback.accept(this);
		}
	}

	/** The runner: PENDING → RUNNING; false (and nothing to run) if it was cancelled meanwhile. */
	boolean setRunningOrNotifyCancel() {
		Actor me = Actor.current();
		lock.lock();
		try {
			if (state == State.CANCELLED) {
				return false;
			}
			state = State.RUNNING;
			runner = me;
			runningSeq = me.hook().instantInside(me, EventKind.RUNNING, name, null, submitSeq);
			return true;
		}
		finally {
			lock.unlock();
		}
	}

	void setResult(T value) {
		finish(value, null);
	}

	void setException(Exception raised) {
		finish(null, raised);
	}

	private void finish(T value, Exception raised) {
		Actor me = Actor.current();
		lock.lock();
		try {
			result = value;
			exception = raised;
			doneSeq = me.hook().instantInside(me, EventKind.DONE, name,
					raised == null ? PyRepr.repr(value) : "raised " + PyErrors.describe(raised), runningSeq);
			state = State.FINISHED;
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
		runCallbacks();
	}

	private void runCallbacks() {
		List<Consumer<TracedFuture<T>>> toRun;
		lock.lock();
		try {
			toRun = List.copyOf(callbacks);
			callbacks.clear();
		}
		finally {
			lock.unlock();
		}
		for (Consumer<TracedFuture<T>> callback : toRun) {
			try {
				callback.accept(this);
			}
			catch (RuntimeException ex) {
				// as CPython: logged, and the other callbacks still run
				org.threadlab.probe.Py.print("exception calling callback for " + name + ": " + PyErrors.describe(ex));
			}
		}
	}

	long doneSeq() {
		return doneSeq;
	}

	/** The exception without waiting (null while not finished or if it returned). */
	Exception exceptionNow() {
		lock.lock();
		try {
			return exception;
		}
		finally {
			lock.unlock();
		}
	}

	/** Python's {@code concurrent.futures.CancelledError}. */
	public static final class CancelledError extends PyException {

		CancelledError() {
			super("concurrent.futures.CancelledError", null);
		}

	}

}
