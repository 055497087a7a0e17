package org.threadlab.ipc;

import java.io.Serializable;

import org.threadlab.run.Run;

/**
 * A semaphore between processes made of a pipe that holds its permits as bytes: taking a permit reads
 * one byte (blocking in the kernel while there is none), giving one back writes one. It is how a make
 * jobserver shares its job slots between processes; here it stands for the semaphores in shared memory
 * that CPython's multiprocessing uses (a Queue's maxsize, its read and write locks), which the JVM
 * cannot make. At most 4096 permits: what a pipe holds without blocking a writer.
 * <p>
 * Thread-safety: as {@link Fifo}; a permit is one byte, so takes and gives never tear.
 */
public final class TokenPipe implements Serializable {

	private static final long serialVersionUID = 1L;

	private static final byte[] TOKEN = { 1 };

	/** The most permits one holds: a pipe's atomic write size, so filling it never blocks. */
	public static final int MAX_PERMITS = 4096;

	private final Fifo fifo;

	TokenPipe(Fifo fifo) {
		this.fifo = fifo;
	}

	/** A new token pipe of the run, empty: the first {@link #take} waits for a {@link #give}. */
	public static TokenPipe make(Run run, String kind) {
		return new TokenPipe(Fifo.make(run, Fifo.uniqueName(run, kind)).get(0));
	}

	/** Puts the first permits in; once, by the process that made it. */
	void fill(int permits) throws InterruptedException {
		if (permits < 0 || permits > MAX_PERMITS) {
			throw new IllegalArgumentException("a token pipe holds 0 to " + MAX_PERMITS + " permits, not " + permits);
		}
		if (permits > 0) {
			fifo.write(new byte[permits]);
		}
	}

	/** Takes a permit, waiting for one as long as it takes. */
	public void take() throws InterruptedException {
		fifo.read(1);
	}

	/**
	 * Takes a permit if one comes within {@code nanos} (0: only if one is there now), looking as
	 * {@link Fifo#awaitAvailable} does; only timed and non-blocking takes pay for it.
	 */
	public boolean take(long nanos) throws InterruptedException {
		long deadline = System.nanoTime() + nanos;
		while (fifo.awaitAvailable(deadline - System.nanoTime())) {
			synchronized (this) {
				if (fifo.available() > 0) {
					fifo.read(1); // another process may have taken it meanwhile: then this blocks briefly
					return true;
				}
			}
			// another took it first: wait on for the time left
		}
		return false;
	}

	/** Gives a permit back. */
	public void give() throws InterruptedException {
		fifo.write(TOKEN);
	}

	/** Permits there now. */
	public int available() {
		return fifo.available();
	}

}
