package org.threadlab.multiprocessing.pool;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.builtins.PyErrors;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Actor;
import org.threadlab.probe.ReadyWait;
import org.threadlab.builtins.MpTimeoutError;

/**
 * CPython's {@code IMapIterator} and {@code IMapUnorderedIterator}: what {@code imap} and
 * {@code imap_unordered} return at once, and hand out results through, each as soon as it may be.
 * Results come (from the pool's result handler) in the order the tasks finish. Unordered, each is
 * handed out as it comes. In order, a result is handed out only once those of every task before it
 * have come: one that comes early waits aside ({@code _unsorted}) and follows the one it waited for —
 * so the tasks run at the same time, in the worker processes, and only their results are put in order.
 * <p>
 * Events, on an object named {@code IMapIterator-<job>} (or {@code IMapUnorderedIterator-<job>}) drawn
 * as a queue of the results ready to be handed out: PUT and PUT_DONE (value: how many are ready) by
 * the result handler as each becomes ready; GET … GOT (value: the result; cause: its PUT_DONE) by the
 * caller that takes it, who waits in between when none is ready.
 * <p>
 * Thread-safety: the pool's handler threads set it; one thread iterates it (as a Python iterator).
 */
public final class IMapIterator<T> implements Iterator<T>, Iterable<T>, PoolCache.Job {

	private record Entry(boolean success, Object value, long putSeq) {
	}

	private final PoolCache cache;

	private final int job;

	private final boolean unordered;

	private final String name;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	// guarded by lock; the counts the watchdog reads are volatile
	private final Deque<Entry> items = new ArrayDeque<>();

	private final Map<Integer, Entry> unsorted = new HashMap<>();

	private volatile int ready;

	private volatile int index;

	/** How many tasks the job has, once the task handler has sent them all; -1 until then. */
	private volatile int length = -1;

	/** What the caller's last hasNext took and its next will hand over. */
	private Entry taken;

	/** Ready for the caller: a result to hand out, or all handed out (under the lock, ready is the depth). */
	private final ReadyWait untilReady;

	IMapIterator(PoolCache cache, int job, boolean unordered) {
		this.cache = cache;
		this.job = job;
		this.unordered = unordered;
		this.name = (unordered ? "IMapUnorderedIterator-" : "IMapIterator-") + job;
		this.untilReady = new ReadyWait(name, "queue", lock, changed, () -> ready > 0 || index == length, List::of);
		Actor me = Actor.current();
		me.hook().instant(me, EventKind.CREATE, name, Map.of("type", "queue", "size", 0L), Event.NO_CAUSE);
		cache.add(job, this);
	}

	int job() {
		return job;
	}

	String name() {
		return name;
	}

	@Override
	public Iterator<T> iterator() {
		return this;
	}

	/** Whether there is a next result: waits until one is ready or all have been handed out. */
	@Override
	public boolean hasNext() {
		if (taken == null) {
			try {
				taken = take(-1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("the run is stopping", ex);
			}
		}
		return taken != null;
	}

	/** {@code next(it)}: the next result; raises what its task raised. */
	@Override
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		Entry entry = taken;
		taken = null;
		return unwrap(entry);
	}

	/**
	 * {@code it.next(timeout)}: the next result, waiting at most {@code timeoutSeconds}; raises
	 * {@code multiprocessing.TimeoutError} when none came in time, and {@link NoSuchElementException}
	 * (Python's StopIteration) when all have been handed out.
	 */
	public T next(double timeoutSeconds) throws InterruptedException {
		Entry entry = taken != null ? taken : take(timeoutSeconds);
		taken = null;
		if (entry == null) {
			throw new NoSuchElementException();
		}
		return unwrap(entry);
	}

	@SuppressWarnings("unchecked")
	private T unwrap(Entry entry) {
		if (entry.success()) {
			return (T) entry.value();
		}
		if (entry.value() instanceof RuntimeException raised) {
			throw raised;
		}
		if (entry.value() instanceof Error error) {
			throw error;
		}
		Throwable raised = (Throwable) entry.value();
		throw PyErrors.unchecked(raised);
	}

	/** The next ready entry, waiting for one; null when all have been handed out (StopIteration). */
	private Entry take(double timeoutSeconds) throws InterruptedException {
		Actor me = Actor.current();
		lock.lock();
		try {
			if (items.isEmpty() && index == length) {
				return null; // StopIteration, without a wait
			}
		}
		finally {
			lock.unlock();
		}
		return untilReady.take(me, timeoutSeconds, isReady -> {
			Entry entry = items.pollFirst();
			// the wait ends before the count that ended it changes, so no check of the watchdog sees both
			me.hook().afterInside(me, EventKind.GOT, name,
					entry != null ? PyRepr.repr(entry.value()) : isReady ? "StopIteration" : "timed out",
					entry != null ? entry.putSeq() : Event.NO_CAUSE);
			ready = items.size();
			return entry;
		}, MpTimeoutError::new);
	}

	/** CPython's {@code _set(i, obj)}: by the result handler, or the task handler when a task failed to go. */
	@Override
	public void set(int i, boolean success, Object value) {
		Actor me = Actor.current();
		boolean complete;
		lock.lock();
		try {
			Entry entry = new Entry(success, value, Event.NO_CAUSE);
			if (unordered) {
				append(me, entry);
			}
			else if (index == i) {
				append(me, entry);
				while (unsorted.containsKey(index)) {
					append(me, unsorted.remove(index)); // those that came early follow it now
				}
			}
			else {
				unsorted.put(i, entry); // one before it has not come yet: it waits aside
			}
			changed.signalAll();
			complete = index == length;
		}
		finally {
			lock.unlock();
		}
		if (complete) {
			cache.remove(job);
		}
	}

	/** Under the lock: the entry is ready to be handed out. */
	private void append(Actor me, Entry entry) {
		me.hook().instantInside(me, EventKind.PUT, name, PyRepr.repr(entry.value()), Event.NO_CAUSE);
		long seq = me.hook().instantInside(me, EventKind.PUT_DONE, name, (long) items.size() + 1, Event.NO_CAUSE);
		items.addLast(new Entry(entry.success(), entry.value(), seq));
		ready = items.size();
		index++;
	}

	/** CPython's {@code _set_length}: the task handler has sent every task of the job. */
	void setLength(int tasks) {
		boolean complete;
		lock.lock();
		try {
			length = tasks;
			complete = index == length;
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
		if (complete) {
			cache.remove(job);
		}
	}

}
