package org.threadlab.childjvm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A child JVM that has been launched and waits for its {@link Assignment} on its standard input: a
 * spare kept warm, or one launched cold for the process asking. Its standard input must stay open for
 * as long as it should live: its end is how the child knows its parent is gone.
 * <p>
 * Thread-safety: {@link #assign} once, from the thread starting the process.
 */
public final class ChildJvm {

	private final Process process;

	private final boolean spare;

	private final long launchedNanos;

	ChildJvm(Process process, boolean spare, long launchedNanos) {
		this.process = process;
		this.spare = spare;
		this.launchedNanos = launchedNanos;
	}

	/** Sends the assignment; the child starts its task as soon as it has read it. */
	public void assign(Assignment assignment) throws IOException {
		OutputStream in = process.getOutputStream();
		in.write((assignment.encode() + "\n").getBytes(StandardCharsets.UTF_8));
		in.flush(); // never closed: the pipe's end would tell the child its parent is gone
	}

	public Process process() {
		return process;
	}

	public long pid() {
		return process.pid();
	}

	/** Whether it was a spare, started before anyone asked for it. */
	public boolean spare() {
		return spare;
	}

	/** When it was launched, on the machine's monotonic clock ({@link System#nanoTime()}). */
	public long launchedNanos() {
		return launchedNanos;
	}

}
