package org.threadlab.run;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where this JVM's runs keep their folders (named pipes, sockets): one folder per JVM,
 * {@code <java.io.tmpdir>/threadlab-runs-<user>/<pid>-<n>}, with a run's {@code r<id>} in it and a lock
 * file that the JVM holds for as long as it lives. The operating system lets go of a lock when its process
 * ends, however it ends (SIGKILL and a crash too), so a folder whose lock can be taken belongs to no live server: {@link #sweep()}, at a
 * server's start, removes such folders, with whatever a server killed mid-run left in them, and never a
 * live server's (its lock is held). A run removes its own folder when it ends; the JVM's folder goes when
 * its last run has ended and the server stops ({@link #releaseIfEmpty()}), or at the JVM's exit.
 * <p>
 * Thread-safety: every method may be called from any thread; the JVM's folder is made, locked and let go
 * under one lock.
 */
public final class RunFolders {

	private static final System.Logger LOG = System.getLogger(RunFolders.class.getName());

	static final String LOCK_FILE = ".lock";

	/** Overrides the parent of the JVM's folders (tests); by default a folder of the user's in java.io.tmpdir. */
	public static final String ROOT_PROPERTY = "threadlab.run.folders";

	private static final Object LOCK = new Object();

	// guarded by LOCK
	private static Path mine;

	private static FileChannel lockChannel;

	private static FileLock held;

	private static boolean hookAdded;

	private RunFolders() {
	}

	/** The parent of every server's folder. */
	public static Path root() {
		String given = System.getProperty(ROOT_PROPERTY);
		return given != null ? Path.of(given)
				: Path.of(System.getProperty("java.io.tmpdir"), "threadlab-runs-" + System.getProperty("user.name", "user"));
	}

	/**
	 * Makes a new folder for run {@code runId} in this JVM's folder. Names are short: a socket's path in
	 * it must fit in 108 bytes, the kernel's limit.
	 */
	static Path make(long runId) throws IOException {
		return Files.createDirectory(mine().resolve("r" + runId)); // run ids are never reused in one JVM
	}

	/** This JVM's folder, made and locked on first use. */
	static Path mine() throws IOException {
		synchronized (LOCK) {
			if (mine != null && Files.isDirectory(mine)) {
				return mine;
			}
			if (lockChannel != null) {
				lockChannel.close(); // its folder was removed under it: a new one, with a new lock
			}
			Path root = Files.createDirectories(root());
			Path folder = null;
			for (int n = 1; folder == null; n++) {
				try {
					folder = Files.createDirectory(root.resolve(ProcessHandle.current().pid() + "-" + n));
				}
				catch (java.nio.file.FileAlreadyExistsException taken) {
					// this JVM's earlier folder, or a dead server's of the same pid: the next number
				}
			}
			FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			held = channel.lock();
			lockChannel = channel;
			mine = folder;
			if (!hookAdded) {
				hookAdded = true;
				try {
					Runtime.getRuntime()
						.addShutdownHook(new Thread(RunFolders::releaseIfEmpty, "threadlab-run-folders"));
				}
				catch (IllegalStateException shuttingDown) {
					// the JVM is ending already; the next server's sweep removes the folder
				}
			}
			return mine;
		}
	}

	/**
	 * Removes this JVM's folder if no run's folder is left in it, and lets go of its lock; a later run
	 * makes a new one. Called when the server stops, after its runs have ended.
	 */
	public static void releaseIfEmpty() {
		synchronized (LOCK) {
			if (mine == null) {
				return;
			}
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(mine,
					entry -> !entry.getFileName().toString().equals(LOCK_FILE))) {
				if (entries.iterator().hasNext()) {
					return; // a run is still ending: its folder stays, and the next server's sweep removes the rest
				}
			}
			catch (IOException ex) {
				return;
			}
			try {
				held.release();
				lockChannel.close();
				Files.deleteIfExists(mine.resolve(LOCK_FILE));
				Files.deleteIfExists(mine);
			}
			catch (IOException ex) {
				LOG.log(Level.DEBUG, "the run folder {0} was not removed: {1}", mine, ex);
			}
			mine = null;
		}
	}

	/**
	 * Removes the folders that servers no longer alive left behind (a server killed with its runs going
	 * leaves their pipes and sockets); never this JVM's, nor a live server's.
	 * @return how many folders were removed
	 */
	public static int sweep() {
		Path root = root();
		if (!Files.isDirectory(root)) {
			return 0;
		}
		int removed = 0;
		try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
			for (Path folder : folders) {
				if (isLeftOver(folder)) {
					removeAll(folder);
					removed++;
				}
			}
		}
		catch (IOException ex) {
			LOG.log(Level.WARNING, "cannot look for run folders left behind in {0}: {1}", root, ex);
		}
		if (removed > 0) {
			LOG.log(Level.INFO, "removed {0} run folder(s) that stopped servers left in {1}", removed, root);
		}
		return removed;
	}

	/** Whether no live JVM holds the folder's lock (one that has none yet is a server starting: not left over). */
	private static boolean isLeftOver(Path folder) {
		synchronized (LOCK) {
			if (folder.equals(mine)) {
				return false;
			}
		}
		Path lock = folder.resolve(LOCK_FILE);
		if (!Files.exists(lock)) {
			return !pidAlive(folder); // made, and not yet locked: only if its server is gone
		}
		try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
			FileLock taken = channel.tryLock();
			if (taken == null) {
				return false; // a live server's
			}
			taken.release();
			return true;
		}
		catch (OverlappingFileLockException ours) {
			return false; // this JVM holds it
		}
		catch (NoSuchFileException gone) {
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The pid a folder's name begins with is a live process (a server that has not locked it yet). */
	private static boolean pidAlive(Path folder) {
		String name = folder.getFileName().toString();
		int dash = name.indexOf('-');
		try {
			return ProcessHandle.of(Long.parseLong(dash > 0 ? name.substring(0, dash) : name)).isPresent();
		}
		catch (NumberFormatException notOurs) {
			return true; // not a server's folder: leave it
		}
	}

	private static void removeAll(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			LOG.log(Level.WARNING, "the run folder {0} left behind was not removed: {1}", folder, ex);
		}
	}

}
