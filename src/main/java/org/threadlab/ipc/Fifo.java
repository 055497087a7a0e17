package org.threadlab.ipc;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.threadlab.run.Actor;
import org.threadlab.run.Run;

/**
 * A named pipe (a FIFO) in the run's folder: a real OS pipe, which any process of the run opens by its
 * path, the way a pipe made before a fork is shared by parent and child. Each process opens it for
 * reading and writing at once, so opening never waits for the other end, what is written stays in the
 * kernel's buffer while any process of the run still holds it (as a pipe lives while a descriptor of it
 * is open), and a read blocks in the kernel until bytes come.
 * <p>
 * The handle is what crosses between processes: just the path. The process that makes a pipe opens it at
 * once, any other process on first use; each closes it when its run ends. So a pipe's bytes outlive a
 * writer that exits before the reader has looked, as long as its maker runs.
 * <p>
 * Thread-safety: any thread may read or write; a read or a write of one buffer is one system call,
 * so a write of up to {@code PIPE_BUF} (4096) bytes is never split by another writer's; longer
 * messages need a lock (see {@link TokenPipe}). Interruption: a thread blocked in a read is woken by an
 * interrupt (the JDK closes the channel under it), which is reported as {@link InterruptedException}.
 */
public final class Fifo implements Serializable {

	private static final long serialVersionUID = 1L;

	private final String path;

	private Fifo(String path) {
		this.path = path;
	}

	/** Makes named pipes in the run's folder, one per name, with one call of {@code mkfifo}. */
	public static List<Fifo> make(Run run, String... names) {
		Path folder = run.folder();
		List<String> command = new ArrayList<>(List.of("mkfifo", "-m", "600"));
		List<Fifo> made = new ArrayList<>();
		for (String name : names) {
			Path file = folder.resolve(name);
			command.add(file.toString());
			made.add(new Fifo(file.toString()));
		}
		try {
			Process mkfifo = new ProcessBuilder(command).redirectErrorStream(true).start();
			String said = new String(mkfifo.getInputStream().readAllBytes());
			if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
				throw new IllegalStateException("mkfifo failed: " + said.trim());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot make named pipes (is mkfifo on the PATH?)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while making named pipes", ex);
		}
		// The maker holds each pipe open from now on, as a process holds the ends of a pipe it made: what a
		// process writes then stays in the pipe until it is read, even if the writer exits before any reader
		// has opened it (with no process holding it open, the kernel would drop the bytes).
		Open open = Open.in(run);
		for (Fifo fifo : made) {
			open.ends(fifo.path);
		}
		return made;
	}

	private static final java.util.concurrent.atomic.AtomicLong NAMES = new java.util.concurrent.atomic.AtomicLong();

	/** A name for new pipes in the run's folder that no other process of the run will choose. */
	public static String uniqueName(Run run, String kind) {
		return kind + "-" + Run.pid() + "-" + NAMES.incrementAndGet();
	}

	/** The path, for messages. */
	public String path() {
		return path;
	}

	/** Writes all of {@code bytes} (blocks while the pipe's buffer is full). */
	public void write(byte[] bytes) throws InterruptedException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		FileChannel channel = Open.in(run()).writer(path);
		try {
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
		}
		catch (ClosedByInterruptException ex) {
			throw interrupted();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write to the pipe " + path, ex);
		}
	}

	/** Reads exactly {@code count} bytes, blocking until they have come. */
	public byte[] read(int count) throws InterruptedException {
		ByteBuffer buffer = ByteBuffer.allocate(count);
		FileChannel channel = Open.in(run()).reader(path);
		try {
			while (buffer.hasRemaining()) {
				if (channel.read(buffer) < 0) {
					throw new IllegalStateException("the pipe " + path + " was closed");
				}
			}
		}
		catch (ClosedByInterruptException ex) {
			throw interrupted();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read from the pipe " + path, ex);
		}
		return buffer.array();
	}

	/** How many bytes can be read now without blocking. */
	public int available() {
		return available(run());
	}

	/** {@link #available()} from any thread of this process, not only one of the run's actors. */
	public int available(Run run) {
		try {
			return Open.in(run).stream(path).available();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot look into the pipe " + path, ex);
		}
	}

	/**
	 * Waits until bytes can be read, at most {@code nanos} (0 or less: one look); true if they can. The
	 * JVM cannot wait on a named pipe with a time limit, so this looks every millisecond: only timed and
	 * non-blocking waits pay for it; the others block in a read.
	 */
	boolean awaitAvailable(long nanos) throws InterruptedException {
		long deadline = System.nanoTime() + nanos;
		while (available() == 0) {
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			Thread.sleep(1);
		}
		return true;
	}

	private static Run run() {
		return Actor.current().run();
	}

	private static InterruptedException interrupted() {
		Thread.interrupted(); // the interrupt is now the exception's to tell
		return new InterruptedException("the run is stopping");
	}

	@Override
	public String toString() {
		return "Fifo[" + Path.of(path).getFileName() + "]";
	}

	/**
	 * The pipes one process of a run has open; closed when the run ends. Thread-safe. Each pipe is opened
	 * twice, once to read and once to write: a FileChannel lets one read or write at a time, so a thread
	 * blocked reading an empty pipe would otherwise keep every other thread of its process from writing
	 * to it — the very write that would wake it.
	 */
	static final class Open implements AutoCloseable {

		private record Ends(RandomAccessFile file, FileChannel reader, FileInputStream peek, RandomAccessFile writeFile,
				FileChannel writer) {
		}

		private final Map<String, Ends> open = new ConcurrentHashMap<>();

		static Open in(Run run) {
			return run.resource(Open.class, Open::new);
		}

		FileChannel reader(String path) {
			return ends(path).reader();
		}

		FileChannel writer(String path) {
			return ends(path).writer();
		}

		FileInputStream stream(String path) {
			return ends(path).peek();
		}

		private Ends ends(String path) {
			return open.computeIfAbsent(path, p -> {
				if (!Files.exists(Path.of(p))) {
					throw new IllegalStateException("no such pipe: " + p + " (its run has ended?)");
				}
				try {
					// "rw" opens the FIFO for reading and writing: O_RDWR never waits for another end
					RandomAccessFile file = new RandomAccessFile(p, "rw");
					RandomAccessFile writeFile = new RandomAccessFile(p, "rw");
					return new Ends(file, file.getChannel(), new FileInputStream(file.getFD()), writeFile,
							writeFile.getChannel());
				}
				catch (IOException ex) {
					throw new UncheckedIOException("cannot open the pipe " + p, ex);
				}
			});
		}

		@Override
		public void close() {
			for (Ends ends : open.values()) {
				for (RandomAccessFile file : List.of(ends.file(), ends.writeFile())) {
					try {
						file.close();
					}
					catch (IOException ex) {
						// closing at the run's end: nothing left to tell
					}
				}
			}
			open.clear();
		}

	}

}
