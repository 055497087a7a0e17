package org.threadlab.childjvm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.threadlab.event.Event;
import org.threadlab.event.Recorder;

/**
 * In a child JVM: sends the child's recorded events to the parent over the pipe, every few
 * milliseconds from its own thread (at once when {@link #wake() woken}: a timer's CLOCK event), and once
 * more from the JVM's shutdown so the last events are not lost. Workers only record; they never touch
 * the pipe.
 * <p>
 * Each line carries this process's pid, and lines go out in writes of at most {@value #CHUNK} bytes
 * of whole lines: a pipe never splits such a write, so a process that shares this pipe (a forked
 * child writes its events to its parent's pipe) can never cut into a line.
 * <p>
 * Thread-safety: {@link #flush()} is synchronized, as the sender thread and the shutdown hook may
 * both call it; nothing on a worker's path calls it.
 */
final class ChildSender {

	private static final long PERIOD_MS = 10;

	/** PIPE_BUF: a write of up to this many bytes to a pipe is atomic. */
	static final int CHUNK = 4096;

	private final Recorder recorder;

	private final OutputStream pipe;

	private final long pid = ProcessHandle.current().pid();

	private final List<Event> batch = new ArrayList<>();

	private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK);

	private long cursor;

	private final Thread sender = new Thread(this::loop, "threadlab-child-sender");

	/** {@code pipe} unbuffered: each write of a chunk must reach the pipe as one write. */
	ChildSender(Recorder recorder, OutputStream pipe) {
		this.recorder = recorder;
		this.pipe = pipe;
	}

	void start() {
		sender.setDaemon(true);
		sender.start();
		try {
			Runtime.getRuntime().addShutdownHook(new Thread(this::flush, "threadlab-child-last-flush"));
		}
		catch (IllegalStateException shuttingDown) {
			// the process is ending as it starts (its run was cancelled): there is nothing to send
		}
	}

	/** Sends what was recorded now rather than at the next period: for what the parent must know at once. */
	void wake() {
		LockSupport.unpark(sender);
	}

	private void loop() {
		while (!Thread.currentThread().isInterrupted()) {
			LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(PERIOD_MS)); // or woken early
			flush();
		}
		// the JVM is ending; the shutdown hook sends the rest
	}

	synchronized void flush() {
		try {
			int read;
			while ((read = recorder.read(cursor, 1024, batch)) > 0) {
				cursor += read;
				for (Event event : batch) {
					byte[] line = (EventLine.encode(event, pid) + "\n").getBytes(StandardCharsets.UTF_8);
					if (chunk.size() + line.length > CHUNK) {
						send();
					}
					chunk.write(line);
				}
				batch.clear();
			}
			send();
		}
		catch (IOException ex) {
			// The parent is gone: nobody is left to tell, and the parent watch ends this process.
			batch.clear();
			chunk.reset();
		}
	}

	private void send() throws IOException {
		if (chunk.size() > 0) {
			pipe.write(chunk.toByteArray());
			pipe.flush();
			chunk.reset();
		}
	}

}
