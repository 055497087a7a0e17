package org.threadlab.ipc;

/**
 * What a process does with a queue it was handed, whichever kind it is: Python's producers and consumers
 * call {@code put} and {@code get} on a {@code multiprocessing.Queue} and on a manager's queue proxy
 * alike, and a lesson that shows both needs one function of each, not two. The kinds differ in what
 * crosses to a process: a {@link ProcessQueue} only while the process is being started, a manager's
 * proxy at any time (a pool's task too).
 */
public interface SharedQueue {

	/** {@code q.put(item)}: waits while a bounded queue is full. */
	void put(Object item) throws InterruptedException;

	/** {@code q.get()}: waits until an item is there. */
	Object get() throws InterruptedException;

}
