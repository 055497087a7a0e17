package org.threadlab.childjvm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.threadlab.run.ClockSegment;
import org.threadlab.run.Remote;

/**
 * The parent's side of a child process's command pipe (its standard input after the assignment, or a
 * forked process's named pipe of its own): what the run tells the child, one line each, tab-separated:
 * {@code SYNC version frozen since base fastUntil paused} first, then any of
 * {@code CLOCK version frozen since base fastUntil} (a new {@link ClockSegment} of the run's clock),
 * {@code PAUSE}, {@code RESUME}, {@code STEP hold}. {@link ParentCommands} reads them in the child.
 * <p>
 * Thread-safety: any thread; each line is written whole under the channel's lock. A child that is gone
 * is not told (a broken pipe is ignored: its reader tells the run of its end).
 */
final class ChildCommands implements Remote {

	private final OutputStream out;

	private final AutoCloseable closing;

	private boolean closed;

	/** Writes on {@code out}, left open when done; {@code closing} (may be null) is closed then. */
	ChildCommands(OutputStream out, AutoCloseable closing) {
		this.out = out;
		this.closing = closing;
	}

	/**
	 * The commands of a forked process, on its own named pipe: opened for reading and writing, which never
	 * waits for the other end (the process may not have opened it yet).
	 */
	static ChildCommands onFifo(String path) {
		try {
			java.io.RandomAccessFile fifo = new java.io.RandomAccessFile(path, "rw");
			return new ChildCommands(new java.io.FileOutputStream(fifo.getFD()), fifo);
		}
		catch (IOException ex) {
			return new ChildCommands(OutputStream.nullOutputStream(), null); // gone with the run's folder
		}
	}

	@Override
	public void sync(ClockSegment segment, boolean paused) {
		send("SYNC\t" + fields(segment) + "\t" + paused);
	}

	@Override
	public void clock(ClockSegment segment) {
		send("CLOCK\t" + fields(segment));
	}

	@Override
	public void paused(boolean paused) {
		send(paused ? "PAUSE" : "RESUME");
	}

	@Override
	public void step(long hold) {
		send("STEP\t" + hold);
	}

	@Override
	public synchronized void close() {
		closed = true;
		if (closing != null) {
			try {
				closing.close();
			}
			catch (Exception ex) {
				// gone already
			}
		}
	}

	static String fields(ClockSegment s) {
		return s.version() + "\t" + s.frozen() + "\t" + s.since() + "\t" + s.base() + "\t" + s.fastUntil();
	}

	private synchronized void send(String line) {
		if (closed) {
			return;
		}
		try {
			out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
		catch (IOException ex) {
			closed = true; // the child is gone; its pipe's reader tells the run
		}
	}

}
