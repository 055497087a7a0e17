package org.threadlab.manager;

import java.io.Serial;

import org.threadlab.ipc.SharedQueue;

/**
 * The proxy of a {@code queue.Queue} held by a manager ({@code Manager().Queue()}, CPython's
 * {@code AutoProxy[Queue]}): each method is one request to the server, where the real queue does the
 * waiting: a {@code get()} on an empty queue blocks the thread serving this caller there, and this caller
 * waits for its reply. Unlike a {@code multiprocessing.Queue}, it may be handed to a process at any time,
 * a pool's task too, since only its token crosses. {@code queue.Empty} and {@code queue.Full} raised
 * there are raised here. Thread-safety: as every proxy ({@link BaseProxy}).
 */
public final class QueueProxy extends BaseProxy implements SharedQueue {

	@Serial
	private static final long serialVersionUID = 1L;

	QueueProxy(Token token) {
		super(token);
	}

	/** {@code q.put(item)}: the server's thread waits while the queue is full. */
	@Override
	public void put(Object item) throws InterruptedException {
		callMethod("put", item);
	}

	/** {@code q.put(item, block, timeout)}; a negative timeout is None. */
	public void put(Object item, boolean block, double timeoutSeconds) throws InterruptedException {
		callMethod("put", item, block, timeoutSeconds < 0 ? null : timeoutSeconds);
	}

	/** {@code q.put_nowait(item)}. */
	public void putNowait(Object item) throws InterruptedException {
		callMethod("put_nowait", item);
	}

	/** {@code q.get()}: the server's thread waits while the queue is empty. */
	@Override
	public Object get() throws InterruptedException {
		return callMethod("get");
	}

	/** {@code q.get(block, timeout)}; a negative timeout is None. */
	public Object get(boolean block, double timeoutSeconds) throws InterruptedException {
		return callMethod("get", block, timeoutSeconds < 0 ? null : timeoutSeconds);
	}

	/** {@code q.get_nowait()}. */
	public Object getNowait() throws InterruptedException {
		return callMethod("get_nowait");
	}

	/** {@code q.qsize()}. */
	public int qsize() throws InterruptedException {
		return (Integer) callMethod("qsize");
	}

	/** {@code q.empty()}. */
	public boolean empty() throws InterruptedException {
		return (Boolean) callMethod("empty");
	}

	/** {@code q.full()}. */
	public boolean full() throws InterruptedException {
		return (Boolean) callMethod("full");
	}

	/** {@code q.task_done()}. */
	public void taskDone() throws InterruptedException {
		callMethod("task_done");
	}

	/** {@code q.join()}: the server's thread waits until every item put has been marked done. */
	public void join() throws InterruptedException {
		callMethod("join");
	}

	@Override
	String typeName() {
		return "AutoProxy[Queue]";
	}

}
