package org.threadlab.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The run's folder on disk and its registry of resources (one instance per type: this process's open
 * pipes, its lifeline), all closed, and the folder removed if it is the run's own, when the run ends.
 * <p>
 * Thread-safety: any thread may call any method; the folder and the registry are guarded by one lock,
 * which is let go of before anything is closed.
 */
final class RunResources {

	private final long runId;

	private final Residence residence;

	private final Object lock = new Object();

	// guarded by lock
	private final Map<Class<?>, AutoCloseable> resources = new LinkedHashMap<>();

	private Path folder;

	RunResources(long runId, Residence residence) {
		this.runId = runId;
		this.residence = residence;
	}

	/**
	 * The run's own folder on disk, for what crosses between its processes (named pipes, sockets): made
	 * on first use by the server's run and removed with it; a child process is told its parent's folder.
	 */
	Path folder() {
		synchronized (lock) {
			if (folder == null) {
				try {
					folder = residence.makeFolder(runId);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("cannot make the run's folder", ex);
				}
			}
			return folder;
		}
	}

	/**
	 * The run's one instance of {@code type}, made on first use and closed when the run ends, so nothing
	 * it holds outlives the run.
	 */
	<T extends AutoCloseable> T resource(Class<T> type, Supplier<T> make) {
		synchronized (lock) {
			// not computeIfAbsent: making one resource may take another (a lifeline opens its pipe)
			AutoCloseable known = resources.get(type);
			if (known == null) {
				known = make.get();
				resources.put(type, known);
			}
			return type.cast(known);
		}
	}

	<T extends AutoCloseable> Optional<T> resourceIfMade(Class<T> type) {
		synchronized (lock) {
			return Optional.ofNullable(type.cast(resources.get(type)));
		}
	}

	/** Closes every resource, then removes the folder if it is the run's own ({@link Residence#ownFolder}). */
	void close() {
		List<AutoCloseable> open;
		Path made;
		synchronized (lock) {
			open = new ArrayList<>(resources.values());
			resources.clear();
			made = folder == null ? null : residence.ownFolder(folder);
		}
		for (AutoCloseable resource : open) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				RunLog.LOG.log(Level.WARNING, "run {0}: a resource did not close: {1}", runId, ex);
			}
		}
		if (made != null) {
			try (Stream<Path> files = Files.walk(made)) {
				files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
			catch (IOException ex) {
				RunLog.LOG.log(Level.WARNING, "run {0}: its folder {1} was not removed: {2}", runId, made, ex);
			}
		}
	}

}
