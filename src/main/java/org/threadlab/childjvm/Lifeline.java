package org.threadlab.childjvm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.threadlab.ipc.Fifo;
import org.threadlab.run.Run;

/**
 * A named pipe of the run that the server holds open for writing, and never writes: a process that
 * cannot watch the server through its own standard input — a process forked by a child of the run, whose
 * standard input is its parent's — reads it instead, and halts when it ends: when the server closes it
 * at the run's end, or the kernel does, the server being gone (SIGKILL included). Its parent exiting does
 * not end it, as a forked process outlives its parent.
 * <p>
 * A run makes it only if a lesson forks (making a named pipe costs a call of {@code mkfifo}); the
 * processes it starts afterwards are told where it is.
 * <p>
 * Thread-safety: one per run ({@link Run#resource}), made on first use; closed with the run.
 */
public final class Lifeline implements AutoCloseable {

	/** The system property that tells a child the lifeline's path. */
	public static final String PROPERTY = "threadlab.run.lifeline";

	private final Path path;

	private final RandomAccessFile held;

	private Lifeline(Run run) {
		Fifo fifo = Fifo.make(run, Fifo.uniqueName(run, "lifeline")).get(0);
		this.path = Path.of(fifo.path());
		try {
			this.held = new RandomAccessFile(path.toFile(), "rw"); // held, never written
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the run's lifeline", ex);
		}
	}

	/** The run's lifeline, made and held by the server's run on first use. */
	public static Lifeline of(Run run) {
		return run.resource(Lifeline.class, () -> new Lifeline(run));
	}

	public Path path() {
		return path;
	}

	@Override
	public void close() throws IOException {
		held.close();
	}

}
