package org.threadlab.childjvm;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Where a child JVM finds ThreadLab's classes: one plain jar of them in a private cache folder, named
 * after a hash of its content, so it is made once per build of the code and reused by every server
 * started on it. A jar, not a folder, because the JVM's class-data-sharing archive ({@link CdsArchive})
 * keeps only classes that come from jars; and inside the executable jar the classes sit in Spring Boot's
 * nested {@code BOOT-INF/classes/}, which a plain JVM cannot read.
 * <p>
 * The classes come from the class-path property when set (tests add their own programs), else from
 * wherever {@code ChildMain} was loaded: the classes folder when built from source (tests,
 * {@code spring-boot:run}), or the executable jar ({@code java -jar}). Immutable once made.
 */
final class ChildClassPath {

	/** Overrides the folder of the cache; by default {@code <java.io.tmpdir>/threadlab-<user>}. */
	static final String CACHE_DIR_PROPERTY = "threadlab.child.cache-dir";

	private static final String BOOT_CLASSES = "BOOT-INF/classes/";

	private static final long FIXED_ENTRY_TIME = 315_532_800_000L; // 1980-01-01: the same bytes for the same classes

	private final Path jar;

	private ChildClassPath(Path jar) {
		this.jar = jar;
	}

	Path jar() {
		return jar;
	}

	/** Finds the classes ({@code given}: a class path, or null to look where ChildMain came from) and jars them. */
	static ChildClassPath make(String given) {
		Map<String, byte[]> classes = new TreeMap<>();
		if (given != null && !given.isBlank()) {
			for (String entry : given.split(File.pathSeparator)) {
				if (!entry.isBlank()) {
					collect(Path.of(entry), classes);
				}
			}
		}
		else {
			collectOwnClasses(classes);
		}
		if (classes.isEmpty()) {
			throw new IllegalStateException("no classes found for a child JVM (class path: " + given + ")");
		}
		return new ChildClassPath(jarOf(classes));
	}

	private static void collectOwnClasses(Map<String, byte[]> classes) {
		try {
			Path codeSource = Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			// Inside the executable jar the location is a path of Spring Boot's nested file system:
			// a folder there, but nothing a plain JVM could read.
			if (codeSource.getFileSystem() == FileSystems.getDefault() && Files.isDirectory(codeSource)) {
				collect(codeSource, classes);
				return;
			}
		}
		catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException ex) {
			// not a plain folder: look for the executable jar below
		}
		String launched = System.getProperty("java.class.path");
		if (launched.endsWith(".jar") && Files.isRegularFile(Path.of(launched))) {
			collect(Path.of(launched), classes);
			return;
		}
		throw new IllegalStateException("cannot find ThreadLab's classes for a child JVM (class path: " + launched + ")");
	}

	/** Adds the classes of a folder or jar; of an executable jar, those in its {@code BOOT-INF/classes/}. */
	private static void collect(Path source, Map<String, byte[]> classes) {
		try {
			if (Files.isDirectory(source)) {
				try (Stream<Path> files = Files.walk(source)) {
					for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
						String name = source.relativize(file).toString().replace(File.separatorChar, '/');
						classes.putIfAbsent(name, Files.readAllBytes(file));
					}
				}
			}
			else if (Files.isRegularFile(source)) {
				try (JarFile file = new JarFile(source.toFile())) {
					String from = file.stream().anyMatch(e -> e.getName().startsWith(BOOT_CLASSES)) ? BOOT_CLASSES : "";
					for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
						JarEntry entry = entries.nextElement();
						if (!entry.isDirectory() && entry.getName().startsWith(from) && entry.getName().endsWith(".class")) {
							try (InputStream in = file.getInputStream(entry)) {
								classes.putIfAbsent(entry.getName().substring(from.length()), in.readAllBytes());
							}
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read classes from " + source, ex);
		}
	}

	private static Path jarOf(Map<String, byte[]> classes) {
		Path dir = cacheDir();
		Path jar = dir.resolve("threadlab-child-" + hash(classes) + ".jar");
		if (Files.isRegularFile(jar)) {
			return jar; // made before, by this server or another one started on the same code
		}
		try {
			Path partial = Files.createTempFile(dir, "threadlab-child-", ".part");
			try {
				try (OutputStream out = Files.newOutputStream(partial); JarOutputStream jarOut = new JarOutputStream(out)) {
					for (Map.Entry<String, byte[]> c : classes.entrySet()) {
						JarEntry entry = new JarEntry(c.getKey());
						entry.setTime(FIXED_ENTRY_TIME);
						jarOut.putNextEntry(entry);
						jarOut.write(c.getValue());
						jarOut.closeEntry();
					}
				}
				// Never replace a jar that exists: an archive made for it checks its size and time.
				Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
				// another server made the same jar meanwhile: use that one
			}
			finally {
				Files.deleteIfExists(partial);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the classes of child JVMs to " + dir, ex);
		}
		return jar;
	}

	private static String hash(Map<String, byte[]> classes) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Map.Entry<String, byte[]> c : classes.entrySet()) {
				digest.update(c.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(c.getValue());
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/**
	 * A folder only this user may write, since children load code from it: the configured one or one in
	 * the temporary folder, made private; if it exists but is not safely ours, a fresh temporary folder.
	 */
	static Path cacheDir() {
		String configured = System.getProperty(CACHE_DIR_PROPERTY);
		Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
				: Path.of(System.getProperty("java.io.tmpdir"), "threadlab-" + System.getProperty("user.name", "user"));
		try {
			boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
			if (!Files.exists(dir)) {
				try {
					if (posix) {
						Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
					}
					else {
						Files.createDirectories(dir);
					}
				}
				catch (FileAlreadyExistsException raced) {
					// made by another server meanwhile: checked below
				}
			}
			if (isPrivate(dir, posix)) {
				return dir;
			}
			return Files.createTempDirectory("threadlab-child-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot make a folder for the classes of child JVMs", ex);
		}
	}

	private static boolean isPrivate(Path dir, boolean posix) throws IOException {
		if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !Files.isWritable(dir)) {
			return false;
		}
		if (!posix) {
			return true;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS);
		boolean othersWrite = permissions.contains(PosixFilePermission.GROUP_WRITE)
				|| permissions.contains(PosixFilePermission.OTHERS_WRITE);
		String owner = Files.getOwner(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS).getName();
		return !othersWrite && owner.equals(System.getProperty("user.name"));
	}

}
