package org.threadlab.multiprocessing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.ipc.ProcessQueue;
import org.threadlab.probe.Py;
import org.threadlab.builtins.PyValueError;
import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedThread;
import org.threadlab.run.Actor;
import org.threadlab.testing.Eventually;

/**
 * What the tests' child processes run. The targets are made here, not in the tests, since a target
 * crosses by reference to the class that wrote it: this class, with no test library in it, is what a
 * child loads. Every method is safe to call from a run's actor.
 */
public final class Programs {

	private Programs() {
	}

	/** Python's {@code get_html(n)} of §6.4: sleeps n seconds, then prints. */
	public static PyTarget getHtml(double seconds) {
		return () -> {
			Py.sleep(seconds);
			Py.print("sub_progress success");
		};
	}

	/** Prints the machine's monotonic clock ({@link System#nanoTime}) as its first step: when it really began. */
	public static PyTarget tellNanoTime() {
		return () -> Py.print(String.valueOf(System.nanoTime()));
	}

	/** Prints the ids the OS gave this process and its parent. */
	public static PyTarget tellIds() {
		return () -> Py.print("pid", Os.getpid(), "ppid", Os.getppid(), "self.pid", PyProcess.current().pid());
	}

	/** Prints the run's folder as the child sees it: where the run's named pipes live. */
	public static PyTarget tellFolder() {
		return () -> Py.print(Actor.current().run().folder().toString());
	}

	/** Raises Python's ValueError after a print. */
	public static PyTarget raiseValueError() {
		return () -> {
			Py.print("about to fail");
			failWithValueError();
		};
	}

	private static void failWithValueError() {
		throw new PyValueError("boom");
	}

	/** Sleeps far longer than any test waits, so someone must end it. */
	public static PyTarget sleepForever() {
		return () -> Py.sleep(3600);
	}

	/** Holds an object that cannot be pickled. */
	public static PyTarget holding(Object notPicklable) {
		return () -> Py.print(String.valueOf(notPicklable));
	}

	/** A child with its own lock and thread, so its CREATE (a map) and its thread cross the pipe. */
	public static PyTarget lockAndThread() {
		return () -> {
			TracedLock lock = new TracedLock("child lock");
			TracedThread worker = new TracedThread("Thread-1 (work)", false, () -> {
				lock.acquire();
				Py.print("worker has the lock");
				lock.release();
			});
			worker.start();
			worker.join();
		};
	}

	/** Writes lines that are not events onto the event pipe, as a stray JVM warning would, then prints. */
	public static PyTarget noisy() {
		return () -> {
			PrintStream raw = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
			for (int i = 0; i < 2000; i++) {
				raw.println("OpenJDK 64-Bit Server VM warning: this is not an event, line " + i);
			}
			Py.print("still heard");
		};
	}

	/**
	 * Process A of the cross-process test: prints "put", then leaves where that event is, as
	 * {@code pid:seq} in its own numbering, in {@code file} (as a queue item will carry it).
	 */
	public static PyTarget putter(String file) {
		return () -> {
			Actor me = Actor.current();
			long seq = me.hook().instant(me, EventKind.PRINT, null, "put", Event.NO_CAUSE);
			Path partial = Path.of(file + ".part");
			Files.writeString(partial, Os.getpid() + ":" + seq);
			Files.move(partial, Path.of(file), StandardCopyOption.ATOMIC_MOVE);
		};
	}

	/** Process B: waits for A's note, then prints "got", caused by A's "put". */
	public static PyTarget getter(String file) {
		return () -> {
			Path note = Path.of(file);
			Eventually.within(Duration.ofSeconds(30)).every(Duration.ofMillis(5)).until("A's note in " + note, () -> Files.exists(note));
			String[] where = Files.readString(note).split(":");
			Actor me = Actor.current();
			long cause = me.run().causeOf(Long.parseLong(where[0]), Long.parseLong(where[1]));
			me.hook().instant(me, EventKind.PRINT, null, "got", cause);
		};
	}

	/**
	 * A thread that sleeps {@code seconds} and ends, while the process's main waits for an item of
	 * {@code queue} (which only another process can bring), prints it, and joins the thread.
	 */
	public static PyTarget napWhileMainWaits(ProcessQueue queue, double seconds) {
		return () -> {
			TracedThread napper = new TracedThread("Thread-1 (nap)", false, () -> Py.sleep(seconds));
			napper.start();
			Py.print(queue.get());
			napper.join();
		};
	}

	/** §6.4's subclass form: a process whose own run() sleeps for the seconds it was made with. */
	public static final class GetHtml extends PyProcess {

		@Serial
		private static final long serialVersionUID = 1L;

		private final double seconds;

		public GetHtml(double seconds) {
			this.seconds = seconds;
		}

		@Override
		protected void run() throws InterruptedException {
			Py.sleep(seconds);
			Py.print("subclass slept", seconds);
		}

	}

}
