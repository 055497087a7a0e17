package org.threadlab.multiprocessing.pool;

import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.builtins.PyValueError;
import org.threadlab.builtins.PyErrors;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Actor;
import org.threadlab.probe.ReadyWait;
import org.threadlab.builtins.MpTimeoutError;

/**
 * Python's {@code multiprocessing.pool.AsyncResult} (CPython's {@code ApplyResult}): what
 * {@code apply_async} returns at once. The pool's result handler thread sets it when the worker's
 * result has crossed back; until then {@link #ready()} is False, {@link #successful()} raises
 * {@code ValueError}, and {@link #get} waits (with a timeout: {@code multiprocessing.TimeoutError}).
 * What the task raised, {@code get()} raises, in the caller — also a task that never ran because its
 * arguments could not be pickled: its error waits here until someone asks.
 * <p>
 * Events, on an object named {@code AsyncResult-<job>} drawn as a future's panel: CREATE and SUBMIT
 * (value: the call) by the caller of {@code apply_async}; RUNNING by the worker process that takes the
 * task; DONE (value: the result, or what was raised) by whoever sets it; and for a caller of
 * {@code get}: WAIT … WOKEN, then RESULT or EXCEPTION, caused by the DONE.
 * <p>
 * Thread-safety: any thread may call any method; a caller of {@code get} really blocks on a condition.
 */
public class AsyncResult<T> implements PoolCache.Job {

	private final PoolCache cache;

	private final int job;

	private final String name;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition set = lock.newCondition();

	// guarded by lock; ready also read without it
	private volatile boolean ready;

	private boolean success;

	private Object value;

	private volatile long doneSeq = Event.NO_CAUSE;

	private final ReadyWait untilReady;

	AsyncResult(PoolCache cache, int job, String call) {
		this.cache = cache;
		this.job = job;
		this.name = "AsyncResult-" + job;
		// no holders: a worker process runs it, and the watchdog cannot see into another process
		this.untilReady = new ReadyWait(name, "result", lock, set, () -> ready, List::of);
		Actor me = Actor.current();
		me.hook().instant(me, EventKind.CREATE, name, Map.of("type", "future", "size", 0), Event.NO_CAUSE);
		me.hook().instant(me, EventKind.SUBMIT, name, call, Event.NO_CAUSE);
		cache.add(job, this);
	}

	int job() {
		return job;
	}

	String name() {
		return name;
	}

	/** {@code ready()}: whether the result (or its exception) is there. */
	public boolean ready() {
		return ready;
	}

	/** {@code successful()}: whether the task returned; {@code ValueError} while not ready. */
	public boolean successful() {
		if (!ready) {
			throw new PyValueError(repr() + " not ready");
		}
		return success;
	}

	/** {@code wait()}: waits until ready (Java's {@code Object.wait} takes the name). */
	public void waitFor() throws InterruptedException {
		waitFor(-1);
	}

	/** {@code wait(timeout)}: waits until ready or {@code timeoutSeconds} have passed. */
	public void waitFor(double timeoutSeconds) throws InterruptedException {
		untilReady.await(Actor.current(), timeoutSeconds, () -> doneSeq);
	}

	/** {@code get()}: waits for the result; raises what the task raised. */
	public T get() throws Exception {
		return get(-1);
	}

	/** {@code get(timeout)}: raises {@code multiprocessing.TimeoutError} if not ready in time. */
	@SuppressWarnings("unchecked")
	public T get(double timeoutSeconds) throws Exception {
		Actor me = Actor.current();
		untilReady.awaitOrRaise(me, timeoutSeconds, () -> doneSeq, MpTimeoutError::new);
		if (success) {
			me.hook().instant(me, EventKind.RESULT, name, PyRepr.repr(value), doneSeq);
			return (T) value;
		}
		me.hook().instant(me, EventKind.EXCEPTION, name, PyErrors.describe((Throwable) value), doneSeq);
		if (value instanceof Error error) {
			throw error;
		}
		throw (Exception) value;
	}

	/** CPython's {@code _set(i, (success, value))}: by the result handler, or the task handler when it failed. */
	@Override
	public void set(int index, boolean success, Object value) {
		finish(success, value);
	}

	/** Makes it ready with this outcome and leaves the pool's cache. */
	protected final void finish(boolean succeeded, Object outcome) {
		Actor me = Actor.current();
		lock.lock();
		try {
			success = succeeded;
			value = outcome;
			doneSeq = me.hook().instantInside(me, EventKind.DONE, name,
					succeeded ? PyRepr.repr(outcome) : "raised " + PyErrors.describe((Throwable) outcome), Event.NO_CAUSE);
			ready = true;
			set.signalAll();
		}
		finally {
			lock.unlock();
		}
		cache.remove(job);
	}

	/** As CPython's repr: {@code <multiprocessing.pool.ApplyResult object at 0x7f…>}. */
	String repr() {
		return "<multiprocessing.pool." + pythonClass() + " object at 0x" + Integer.toHexString(System.identityHashCode(this))
				+ ">";
	}

	String pythonClass() {
		return "ApplyResult";
	}

	@Override
	public String toString() {
		return repr();
	}

}
