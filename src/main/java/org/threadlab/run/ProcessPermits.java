package org.threadlab.run;

/**
 * How many child processes may be alive at once over the whole server: every live child of every run
 * holds one permit, from just before it is launched until it has been reaped. The code that launches a
 * child (for a run: {@link Run#processPermits()}) takes a permit first and closes it when the process
 * has ended; a run that ends returns any permit its children still held, so none leaks.
 * <p>
 * Thread-safety: implementations are safe for any thread; {@link Permit#close()} is idempotent.
 */
public interface ProcessPermits {

	/** No limit: for a run inside a child process, and for tests that run scenarios alone. */
	ProcessPermits UNLIMITED = () -> () -> {
	};

	/**
	 * Takes a permit for one more child process, waiting while the server has its limit of children
	 * alive (a waiting run shows its process as not yet started).
	 * @throws InterruptedException when the run is cancelled meanwhile: no permit is held then
	 */
	Permit acquire() throws InterruptedException;

	/** One live child process's place; close it once the process has been reaped. */
	interface Permit extends AutoCloseable {

		/** Gives the place back; a second close does nothing. */
		@Override
		void close();

	}

}
