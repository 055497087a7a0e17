package org.threadlab.manager;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.threadlab.run.Run;

/**
 * The sockets a manager's server has open in its process (its listener, the connections it accepted),
 * closed when its run ends: a serving thread blocked reading one is woken by the close and ends, rather
 * than holding up the process's exit. Thread-safe.
 */
final class Sockets implements AutoCloseable {

	private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();

	static Sockets of(Run run) {
		return run.resource(Sockets.class, Sockets::new);
	}

	<T extends AutoCloseable> T track(T socket) {
		open.add(socket);
		return socket;
	}

	void forget(AutoCloseable socket) {
		open.remove(socket);
	}

	@Override
	public void close() {
		for (AutoCloseable socket : open) {
			try {
				socket.close();
			}
			catch (Exception ex) {
				// closing at the run's end: nothing left to tell
			}
		}
		open.clear();
	}

}
