package org.threadlab.childjvm;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A class-data-sharing archive of what a child JVM loads (JDK 13+'s dynamic AppCDS): made once by a
 * training child that does what every child does ({@link Warmup}) and dumps its classes at exit, then
 * mapped by every child instead of loading, verifying and linking those classes again. It lives beside
 * the child's jar, named after the jar, the JVM (its home and version) and the flags, since an archive
 * fits only the JVM and the exact class path it was made with; a JVM that finds it unfit ignores it
 * ({@code -Xshare:auto}) and starts as it would without.
 * <p>
 * Thread-safety: {@link #build()} from one thread at a time (the launcher's preparer); {@link #ready()}
 * from any.
 */
final class CdsArchive {

	private static final System.Logger LOG = System.getLogger(CdsArchive.class.getName());

	private static final long TRAINING_LIMIT_SECONDS = 120;

	private final Path jar;

	private final Path file;

	private volatile boolean ready;

	CdsArchive(Path jar) {
		this.jar = jar;
		String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
		this.file = jar.resolveSibling(base + "-" + jvmKey() + ".jsa");
	}

	/** The archive if it has been made, else null. */
	Path ready() {
		if (!ready && Files.isRegularFile(file)) {
			ready = true;
		}
		return ready ? file : null;
	}

	/** Makes the archive unless it exists: runs the training child and waits for it (a second or two). */
	void build() throws InterruptedException {
		if (ready() != null) {
			return;
		}
		sweepLeftovers();
		Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".part");
		Path log = file.resolveSibling(file.getFileName() + ".log");
		try {
			Process training = new ProcessBuilder(ChildCommand.training(jar, partial))
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(log.toFile())
				.start();
			try {
				if (!training.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
					LOG.log(Level.WARNING, "the training child for the class-data archive took too long; children start without it");
					return;
				}
			}
			finally {
				training.destroyForcibly(); // its standard input closes with it anyway
			}
			if (training.exitValue() != 0 || !Files.isRegularFile(partial)) {
				LOG.log(Level.WARNING, "no class-data archive for child JVMs (exit {0}; see {1}); children start without it",
						training.exitValue(), log);
				return;
			}
			try {
				Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE); // never replaces: see ChildClassPath
			}
			catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
				// another server made it meanwhile
			}
			ready = Files.isRegularFile(file);
			LOG.log(Level.INFO, "class-data archive for child JVMs: {0}", file);
		}
		catch (IOException ex) {
			LOG.log(Level.WARNING, "cannot make a class-data archive for child JVMs; children start without it", ex);
		}
		finally {
			try {
				Files.deleteIfExists(partial);
			}
			catch (IOException ex) {
				// a leftover in the private cache folder; harmless
			}
		}
	}

	/** Partial files that a server killed while making them left behind, an hour old or more. */
	private void sweepLeftovers() {
		long hourAgo = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
		try (java.util.stream.Stream<Path> files = Files.list(file.getParent())) {
			for (Path leftover : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".part"))::iterator) {
				if (Files.getLastModifiedTime(leftover).toMillis() < hourAgo) {
					Files.deleteIfExists(leftover);
				}
			}
		}
		catch (IOException ex) {
			// only tidying
		}
	}

	private static String jvmKey() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version") + "\n"
					+ String.join(" ", ChildCommand.FLAGS)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(), 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
