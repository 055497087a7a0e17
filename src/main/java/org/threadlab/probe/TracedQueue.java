package org.threadlab.probe;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.Blocker;
import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Run;
import org.threadlab.builtins.PyValueError;

/**
 * Python's {@code queue.Queue}, built as CPython builds it: a deque guarded by one mutex with three
 * conditions (not empty, not full, all tasks done), here a real {@link ReentrantLock} and its
 * {@link Condition}s. {@code put} blocks while full, {@code get} while empty; the {@code _nowait}
 * forms raise {@link Full} and {@link Empty}; every put adds an unfinished task that {@code task_done}
 * finishes ({@code ValueError} when called too many times), and {@code join} waits until none is left.
 * <p>
 * Events: PUT … PUT_DONE (value: the depth after it), GET … GOT (value: the item; caused by the PUT_DONE
 * that brought it), TASK_DONE (value: tasks left), JOIN … JOINED on the queue.
 * <p>
 * Thread-safety: any actor may call any method; state is guarded by the mutex, and the counts the
 * watchdog reads are volatile copies written under it.
 */
public final class TracedQueue {

	/** Python's {@code queue.Full}. */
	public static final class Full extends PyException {

		public Full() {
			super("queue.Full", null);
		}

	}

	/** Python's {@code queue.Empty}. */
	public static final class Empty extends PyException {

		public Empty() {
			super("queue.Empty", null);
		}

	}

	private record Entry(Object item, long putSeq) {
	}

	private final String name;

	private final Run run;

	private final int maxsize;

	private final ReentrantLock mutex = new ReentrantLock();

	private final Condition notEmpty = mutex.newCondition();

	private final Condition notFull = mutex.newCondition();

	private final Condition allTasksDone = mutex.newCondition();

	// guarded by mutex
	private final Deque<Entry> items = new ArrayDeque<>();

	private int unfinished;

	private volatile int depth;

	private volatile int unfinishedTasks;

	private final Blocker forGet = blocker(() -> depth > 0);

	private final Blocker forPut = blocker(() -> depth < capacity());

	private final Blocker forJoin = blocker(() -> unfinishedTasks == 0);

	/** {@code queue.Queue(maxsize)}; 0 or less: no bound. */
	public TracedQueue(String name, int maxsize) {
		this.name = name;
		this.maxsize = maxsize;
		this.run = Actor.current().run();
		Created.record(name, "queue", maxsize);
	}

	private int capacity() {
		return maxsize <= 0 ? Integer.MAX_VALUE : maxsize;
	}

	private Blocker blocker(BooleanSupplier canProceed) {
		return new Blocker() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public boolean canProceed(Actor waiter) {
				return canProceed.getAsBoolean();
			}

			@Override
			public String kind() {
				return "queue";
			}

		};
	}

	/** {@code q.put(item)}: waits while the queue is full. */
	public void put(Object item) throws InterruptedException {
		put(item, true, -1);
	}

	/** {@code q.put_nowait(item)}. */
	public void putNowait(Object item) throws InterruptedException {
		put(item, false, -1);
	}

	/** {@code q.put(item, block, timeout)}: raises {@link Full} when it cannot put in time. */
	public void put(Object item, boolean block, double timeoutSeconds) throws InterruptedException {
		Actor me = Actor.current();
		QueueWait wait = new QueueWait(block, timeoutSeconds);
		if (wait.forever()) {
			me.hook().beforeWait(me, EventKind.PUT, name, PyRepr.repr(item), forPut);
		}
		else if (wait.timed()) {
			me.hook().beforeTimed(me, EventKind.PUT, name, PyRepr.repr(item), timeoutSeconds);
		}
		else {
			me.hook().before(me, EventKind.PUT, name, PyRepr.repr(item));
		}
		boolean done;
		mutex.lockInterruptibly();
		try {
			done = wait.await(notFull, () -> items.size() < capacity(), me);
			if (done) {
				long seq = me.hook().afterInside(me, EventKind.PUT_DONE, name, (long) items.size() + 1, Event.NO_CAUSE);
				items.addLast(new Entry(item, seq));
				unfinished++;
				// (the put's wait has ended before the depth grows)
				depth = items.size();
				unfinishedTasks = unfinished;
				notEmpty.signal();
			}
			else {
				me.hook().afterInside(me, EventKind.PUT_DONE, name, "full", Event.NO_CAUSE);
			}
		}
		finally {
			mutex.unlock();
		}
		me.hook().resume(me);
		if (!done) {
			throw new Full();
		}
	}

	/** {@code q.get()}: waits while the queue is empty. */
	public Object get() throws InterruptedException {
		return get(true, -1);
	}

	/** {@code q.get_nowait()}. */
	public Object getNowait() throws InterruptedException {
		return get(false, -1);
	}

	/** {@code q.get(block, timeout)}: raises {@link Empty} when nothing comes in time. */
	public Object get(boolean block, double timeoutSeconds) throws InterruptedException {
		Actor me = Actor.current();
		QueueWait wait = new QueueWait(block, timeoutSeconds);
		if (wait.forever()) {
			me.hook().beforeWait(me, EventKind.GET, name, null, forGet);
		}
		else if (wait.timed()) {
			me.hook().beforeTimed(me, EventKind.GET, name, null, timeoutSeconds);
		}
		else {
			me.hook().before(me, EventKind.GET, name, null);
		}
		Entry entry = null;
		mutex.lockInterruptibly();
		try {
			if (wait.await(notEmpty, () -> !items.isEmpty(), me)) {
				entry = items.pollFirst();
				// the wait ends before the depth that ended it changes, so no check sees both
				me.hook().afterInside(me, EventKind.GOT, name, PyRepr.repr(entry.item()), entry.putSeq());
				depth = items.size();
				notFull.signal();
			}
			else {
				me.hook().afterInside(me, EventKind.GOT, name, "empty", Event.NO_CAUSE);
			}
		}
		finally {
			mutex.unlock();
		}
		me.hook().resume(me);
		if (entry == null) {
			throw new Empty();
		}
		return entry.item();
	}

	/** {@code q.task_done()}: one task taken by get is finished. */
	public void taskDone() {
		Actor me = Actor.current();
		if (!mutex.tryLock()) {
			me.hook().release(me); // never wait for the mutex holding the GIL (CPython drops it too)
			mutex.lock();
		}
		try {
			if (unfinished == 0) {
				throw new PyValueError("task_done() called too many times");
			}
			unfinished--;
			unfinishedTasks = unfinished;
			me.hook().instantInside(me, EventKind.TASK_DONE, name, (long) unfinished, Event.NO_CAUSE);
			if (unfinished == 0) {
				allTasksDone.signalAll();
			}
		}
		finally {
			mutex.unlock();
			me.hook().resume(me);
		}
	}

	/** {@code q.join()}: waits until every item put has been marked done. */
	public void join() throws InterruptedException {
		Actor me = Actor.current();
		me.hook().beforeWait(me, EventKind.JOIN, name, "all tasks done", forJoin);
		mutex.lockInterruptibly();
		try {
			while (unfinished > 0) {
				allTasksDone.await();
			}
			me.hook().afterInside(me, EventKind.JOINED, name, null, Event.NO_CAUSE);
		}
		finally {
			mutex.unlock();
		}
		me.hook().resume(me);
	}

	/** {@code q.qsize()}. */
	public int qsize() {
		return depth;
	}

	public int maxsize() {
		return maxsize;
	}

}
