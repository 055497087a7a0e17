package org.threadlab.childjvm;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * In a child JVM: its link to the parent, the pipe on its standard input. The first line is its
 * {@link Assignment}. The pipe's end means the parent is gone, and this process halts at once: the
 * kernel closes every descriptor of a process the moment it dies, for any reason (SIGKILL too), before
 * anyone reaps it, so a zombie parent cannot fool this watch as it fools {@code ProcessHandle.isAlive}.
 * <p>
 * The pipe is read through an interruptible {@link FileChannel} from a daemon thread. A thread blocked
 * in a plain native read would make the JVM's exit wait 300 ms for it ({@code VM_Exit} waits that long
 * for threads in native code); this one is woken by {@link #close()} from a shutdown hook, so a process
 * ends as soon as its program does.
 * <p>
 * Thread-safety: {@link #awaitAssignment()} may be called from any thread; the reading thread is the
 * only one that reads the pipe.
 */
final class ParentLink {

	/** The exit status of a child that halts because its parent is gone (nobody is left to read it). */
	static final int PARENT_GONE = 3;

	private final FileChannel stdin;

	private final CompletableFuture<String> assignment = new CompletableFuture<>();

	private final Thread reader = new Thread(this::read, "threadlab-child-parent-link");

	private volatile boolean closing;

	private ParentLink(FileChannel watched) {
		this.stdin = watched;
	}

	/** Starts watching the parent; from now on this process halts when the parent is gone. */
	static ParentLink open() {
		return watch(new FileInputStream(FileDescriptor.in).getChannel());
	}

	/**
	 * Watches the run's {@link Lifeline} instead of standard input (a forked process, whose standard input
	 * is its parent's): this process halts when the server closes it or is gone.
	 */
	static ParentLink openOn(java.nio.file.Path lifeline) throws IOException {
		return watch(FileChannel.open(lifeline, java.nio.file.StandardOpenOption.READ));
	}

	private static ParentLink watch(FileChannel watched) {
		ParentLink link = new ParentLink(watched);
		link.reader.setDaemon(true);
		link.reader.start();
		try {
			Runtime.getRuntime().addShutdownHook(new Thread(link::close, "threadlab-child-unlink"));
		}
		catch (IllegalStateException shuttingDown) {
			// the process is ending as it starts: nothing to unlink at its exit
		}
		return link;
	}

	/** Waits for the first line: the assignment. */
	String awaitAssignment() throws InterruptedException {
		try {
			return assignment.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("no assignment", ex.getCause());
		}
	}

	private void read() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(Channels.newInputStream(stdin), StandardCharsets.UTF_8))) {
			for (String line; (line = in.readLine()) != null;) {
				if (!assignment.isDone()) {
					assignment.complete(line);
				}
				// later lines are reserved for commands from the parent; none is defined yet
			}
		}
		catch (IOException ex) {
			// closed by close() at exit, or the pipe broke: the parent is gone either way
		}
		if (!closing) {
			Runtime.getRuntime().halt(PARENT_GONE);
		}
	}

	/** At this process's own exit: stops reading, so the exit does not wait for the blocked read. */
	void close() {
		closing = true;
		reader.interrupt(); // an interrupt closes the channel and wakes the read at once
	}

}
