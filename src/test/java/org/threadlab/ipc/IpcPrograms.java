package org.threadlab.ipc;

import org.threadlab.probe.Py;
import org.threadlab.multiprocessing.PyTarget;

/**
 * What the IPC tests' child processes run; made here, in a class with no test library in it, since a
 * target crosses by reference to the class that wrote it. Safe to call from a run's actor.
 */
public final class IpcPrograms {

	private IpcPrograms() {
	}

	public static PyTarget send(Connection end, Object item) {
		return () -> end.send(item);
	}

	public static PyTarget receiveAndPrint(Connection end) {
		return () -> Py.print(end.recv());
	}

	public static PyTarget put(ProcessQueue queue, Object item) {
		return () -> queue.put(item);
	}

	public static PyTarget getAndPrint(ProcessQueue queue) {
		return () -> Py.print(queue.get());
	}

}
