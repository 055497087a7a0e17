package org.threadlab.childjvm;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * In a child JVM: its link to the parent, the pipe on its standard input. The first line is its
 * {@link Assignment}; the lines after it are the parent's commands ({@link ChildCommands}), handed to
 * {@link #onCommands} in order. The pipe's end means the parent is gone, and this process halts at once:
 * the kernel closes every descriptor of a process the moment it dies, for any reason (SIGKILL too),
 * before anyone reaps it, so a zombie parent cannot fool this watch as it fools
 * {@code ProcessHandle.isAlive}.
 * <p>
 * The pipe is read through an interruptible {@link FileChannel} from a daemon thread. A thread blocked
 * in a plain native read would make the JVM's exit wait 300 ms for it ({@code VM_Exit} waits that long
 * for threads in native code); this one is woken by {@link #close()} from a shutdown hook, so a process
 * ends as soon as its program does.
 * <p>
 * Thread-safety: {@link #awaitAssignment()} and {@link #onCommands} may be called from any thread; the
 * reading thread is the only one that reads the pipe.
 */
final class ParentLink {

	/** The exit status of a child that halts because its parent is gone (nobody is left to read it). */
	static final int PARENT_GONE = 3;

	private final FileChannel stdin;

	private final CompletableFuture<String> assignment = new CompletableFuture<>();

	private final Thread reader;

	private volatile boolean closing;

	/** Whether the pipe's end halts this process; a forked process outlives its parent's pipe. */
	private volatile boolean haltAtEnd;

	// guarded by this
	private final List<String> early = new ArrayList<>();

	private Consumer<String> commands;

	private ParentLink(FileChannel watched, boolean firstIsAssignment, boolean haltAtEnd, String name) {
		this.stdin = watched;
		this.haltAtEnd = haltAtEnd;
		if (!firstIsAssignment) {
			assignment.complete(null);
		}
		this.reader = new Thread(this::read, name);
	}

	/** Starts watching the parent; from now on this process halts when the parent is gone. */
	static ParentLink open() {
		return watch(new ParentLink(new FileInputStream(FileDescriptor.in).getChannel(), true, true,
				"threadlab-child-parent-link"));
	}

	/**
	 * Watches the run's {@link Lifeline} instead of standard input (a forked process, whose standard input
	 * is its parent's): this process halts when the server closes it or is gone.
	 */
	static ParentLink openOn(Path lifeline) throws IOException {
		return watch(new ParentLink(FileChannel.open(lifeline, StandardOpenOption.READ), false, true,
				"threadlab-child-lifeline"));
	}

	/**
	 * Reads the commands of the server from a forked process's own named pipe: opened for writing too, so
	 * it never ends (the lifeline watches the server), and nothing waits for the server to open it first.
	 */
	static ParentLink commandsOn(Path fifo) throws IOException {
		return watch(new ParentLink(FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE), false,
				false, "threadlab-child-commands"));
	}

	private static ParentLink watch(ParentLink link) {
		link.reader.setDaemon(true);
		link.reader.start();
		try {
			Runtime.getRuntime().addShutdownHook(new Thread(link::close, link.reader.getName() + "-unlink"));
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

	/** Hands every command line, from the first after the assignment (those already read first), to {@code handler}. */
	synchronized void onCommands(Consumer<String> handler) {
		early.forEach(handler);
		early.clear();
		commands = handler;
	}

	/** The pipe's end no longer halts this process: it has been forked, and outlives its parent. */
	void outliveParent() {
		haltAtEnd = false;
	}

	private void read() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(Channels.newInputStream(stdin), StandardCharsets.UTF_8))) {
			for (String line; (line = in.readLine()) != null;) {
				if (!assignment.isDone()) {
					assignment.complete(line);
				}
				else {
					command(line);
				}
			}
		}
		catch (IOException ex) {
			// closed by close() at exit, or the pipe broke: the parent is gone either way
		}
		if (!closing && haltAtEnd) {
			Runtime.getRuntime().halt(PARENT_GONE);
		}
	}

	private synchronized void command(String line) {
		if (commands == null) {
			early.add(line);
		}
		else {
			commands.accept(line);
		}
	}

	/** At this process's own exit: stops reading, so the exit does not wait for the blocked read. */
	void close() {
		closing = true;
		reader.interrupt(); // an interrupt closes the channel and wakes the read at once
	}

}
