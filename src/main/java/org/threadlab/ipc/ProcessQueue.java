package org.threadlab.ipc;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.builtins.PyRuntimeError;
import org.threadlab.probe.QueueWait;
import org.threadlab.probe.TracedQueue;
import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Actor;
import org.threadlab.run.Run;
import org.threadlab.builtins.PyValueError;

/**
 * Python's {@code multiprocessing.Queue} between real processes, built as CPython builds it: a pipe
 * that carries the pickled items, a semaphore of {@code maxsize} slots that {@code put} takes (blocking
 * while the queue is full) and {@code get} gives back, and a read lock and a write lock so that one
 * item is read and written whole. The pipe is a named pipe of the run and the semaphores are
 * {@link TokenPipe}s: every wait is a real wait in the kernel, in whichever process waits.
 * <p>
 * As in CPython it may cross to a process only when the process is started ("through inheritance", as
 * the target's argument); pickled at any other moment — handed to a {@code Pool}'s task, sent on
 * another queue — it raises {@code RuntimeError: Queue objects should only be shared between processes
 * through inheritance}.
 * <p>
 * Events, in the lane of whoever calls: PUT … PUT_DONE (value: the items in the queue after it), GET …
 * GOT (value: the item; cause: the PUT_DONE in the process that put it — the timeline draws the item
 * crossing from lane to lane). One difference from CPython, which hands a put item to a feeder thread
 * that writes it to the pipe later: here {@code put} writes it itself.
 * <p>
 * Thread-safety: any thread of any process of the run may call any method.
 */
public final class ProcessQueue implements Serializable, SharedQueue {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String name;

	private final int maxsize;

	private final Fifo items;

	/** CPython's {@code _sem}: a slot per item the queue may still take; null when it has no bound. */
	private final TokenPipe slots;

	/** CPython's {@code _rlock} and {@code _wlock}. */
	private final TokenPipe readLock;

	private final TokenPipe writeLock;

	/** {@code multiprocessing.Queue(maxsize)}; 0 or less: no bound. */
	public ProcessQueue(String name, int maxsize) throws InterruptedException {
		if (maxsize > TokenPipe.MAX_PERMITS) {
			throw new PyValueError("maxsize of at most " + TokenPipe.MAX_PERMITS + " here");
		}
		Actor me = Actor.current();
		Run run = me.run();
		this.name = name;
		this.maxsize = maxsize;
		String base = Fifo.uniqueName(run, "queue");
		List<Fifo> made = Fifo.make(run, base + ".items", base + ".sem", base + ".rlock", base + ".wlock");
		this.items = made.get(0);
		this.slots = maxsize > 0 ? new TokenPipe(made.get(1)) : null;
		this.readLock = new TokenPipe(made.get(2));
		this.writeLock = new TokenPipe(made.get(3));
		if (slots != null) {
			slots.fill(maxsize);
		}
		readLock.fill(1);
		writeLock.fill(1);
		me.hook().instant(me, EventKind.CREATE, name, Map.of("type", "process-queue", "size", (long) maxsize),
				Event.NO_CAUSE);
	}

	/** {@code q.put(item)}: waits while the queue is full. */
	@Override
	public void put(Object item) throws InterruptedException {
		put(item, true, -1);
	}

	/** {@code q.put_nowait(item)}. */
	public void putNowait(Object item) throws InterruptedException {
		put(item, false, -1);
	}

	/** {@code q.put(item, block, timeout)}: raises {@code queue.Full} when there is no slot in time. */
	public void put(Object item, boolean block, double timeoutSeconds) throws InterruptedException {
		Actor me = Actor.current();
		String shown = PyRepr.repr(item);
		byte[] pickled = Pickle.dumps(item); // what cannot be pickled fails before anything is taken
		if (slots != null && !takeSlot(me, shown, new QueueWait(block, timeoutSeconds))) {
			me.hook().after(me, EventKind.PUT_DONE, name, "full", Event.NO_CAUSE);
			throw new TracedQueue.Full();
		}
		if (slots == null) {
			me.hook().begin(me, EventKind.PUT, name, shown);
		}
		long seq = me.hook().afterInside(me, EventKind.PUT_DONE, name, depthAfterPut(), Event.NO_CAUSE);
		me.run().sendSoon(); // the getter names this event as its cause: its process should hear of it at once
		me.hook().release(me); // writing may wait for the write lock: never with the GIL
		try {
			writeLock.take();
			try {
				items.write(new Message(pickled, Run.pid(), seq).frame());
			}
			finally {
				writeLock.give();
			}
		}
		finally {
			me.hook().resume(me);
		}
	}

	/** Records the PUT and takes a slot as CPython's semaphore does: a try first, then a real wait. */
	private boolean takeSlot(Actor me, String shown, QueueWait wait) throws InterruptedException {
		if (!wait.forever()) {
			if (wait.timeoutSeconds() > 0) {
				me.hook().beforeTimed(me, EventKind.PUT, name, shown, wait.timeoutSeconds());
			}
			else {
				me.hook().begin(me, EventKind.PUT, name, shown);
			}
			return wait.within(me, slots::take);
		}
		me.hook().begin(me, EventKind.PUT, name, shown);
		if (slots.available() == 0) {
			me.hook().block(me, null); // full: a real wait in the kernel, without the GIL
		}
		slots.take();
		return true;
	}

	/** {@code q.get()}: waits while the queue is empty. */
	@Override
	public Object get() throws InterruptedException {
		return get(true, -1);
	}

	/** {@code q.get_nowait()}. */
	public Object getNowait() throws InterruptedException {
		return get(false, -1);
	}

	/** {@code q.get(block, timeout)}: raises {@code queue.Empty} when nothing comes in time. */
	public Object get(boolean block, double timeoutSeconds) throws InterruptedException {
		Actor me = Actor.current();
		QueueWait wait = new QueueWait(block, timeoutSeconds);
		if (wait.timed() && timeoutSeconds > 0) {
			me.hook().beforeTimed(me, EventKind.GET, name, null, timeoutSeconds);
		}
		else {
			me.hook().begin(me, EventKind.GET, name, null);
			if (wait.forever() && items.available() == 0) {
				// empty: a real wait in the kernel, without the GIL, which any process of the run may end
				Run run = me.run();
				me.hook().blockAcrossProcesses(me, name, () -> items.available(run) > 0);
			}
		}
		// the lock and the item share the time, as in CPython: both wait for the one timer of the step
		byte[] frame = null;
		if (wait.forever() ? takeReadLock() : wait.within(me, readLock::take)) {
			try {
				if (wait.forever() || wait.within(me, items::awaitAvailable)) {
					frame = Message.readFrame(items);
					if (slots != null) {
						slots.give();
					}
				}
			}
			finally {
				readLock.give();
			}
		}
		if (frame == null) {
			me.hook().after(me, EventKind.GOT, name, "empty", Event.NO_CAUSE);
			throw new TracedQueue.Empty();
		}
		// unpickled once the read lock is let go of, as CPython's Queue.get does
		Message message = Message.decode(frame);
		Object item = message.item();
		me.hook().after(me, EventKind.GOT, name, PyRepr.repr(item),
				me.run().causeOf(message.fromPid(), message.fromSeq()));
		return item;
	}

	/** Takes the read lock, as long as it takes. */
	private boolean takeReadLock() throws InterruptedException {
		readLock.take();
		return true;
	}

	/** {@code q.qsize()}: items put and not yet got, as the slots tell (a bounded queue only). */
	public int qsize() {
		if (slots == null) {
			throw new PyException("NotImplementedError",
					"qsize() of a queue without maxsize: no semaphore counts its items here");
		}
		return maxsize - slots.available();
	}

	/** {@code q.empty()}. */
	public boolean empty() {
		return items.available() == 0;
	}

	/** {@code q.full()}. */
	public boolean full() {
		return slots != null && slots.available() == 0;
	}

	public String name() {
		return name;
	}

	private Object depthAfterPut() {
		return slots == null ? null : (long) qsize();
	}


	/** As CPython's Queue.__getstate__: only a process being started may inherit a queue. */
	@Serial
	private void writeObject(ObjectOutputStream out) throws IOException {
		if (!Pickle.isSpawning()) {
			throw new PyRuntimeError("Queue objects should only be shared between processes through inheritance");
		}
		out.defaultWriteObject();
	}

	@Override
	public String toString() {
		return "<multiprocessing.queues.Queue object '" + name + "'>";
	}

}
