package org.threadlab.child;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.threadlab.run.Lines;
import org.threadlab.run.RunClock;

/**
 * Starts a child JVM with the JDK's {@link ProcessBuilder}: the same {@code java} as the server, a small
 * heap, the quick-start JIT and only ThreadLab's classes on its class path, so it starts in tens of
 * milliseconds. Safe from any thread; the class path is worked out once.
 */
public final class ChildLauncher {

	private static final String BOOT_CLASSES = "BOOT-INF/classes/";

	/** Overrides the class path of child JVMs; tests use it to give children their own programs. */
	public static final String CLASS_PATH_PROPERTY = "threadlab.child.class-path";

	private static volatile String classPath;

	private ChildLauncher() {
	}

	public static Process launch(Class<? extends ChildProgram> program, String mainName, RunClock clock,
			Map<String, String> args) throws IOException {
		return launch(program, mainName, clock, "off", args);
	}

	/** Launches a child whose own emulated GIL is as {@code gil} describes ({@link org.threadlab.run.Gil#describe}). */
	public static Process launch(Class<? extends ChildProgram> program, String mainName, RunClock clock, String gil,
			Map<String, String> args) throws IOException {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-Xmx64m", "-Xss256k", "-Dfile.encoding=UTF-8", "-cp", classPath(),
				ChildMain.class.getName(), Long.toString(ProcessHandle.current().pid()), program.getName(), mainName,
				Long.toString(clock.startNanos()), Double.toString(clock.speed()), gil));
		args.forEach((key, value) -> command.add(key + "=" + value));
		if (!classPathGiven()) {
			// the child loads the very classes this JVM checked: it need not look again
			command.add(1, "-D" + Lines.INSTRUMENTED_PROPERTY + "=" + Lines.instrumented());
		}
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The folder holding ThreadLab's classes. Built from source (tests, {@code spring-boot:run}) it is
	 * the classes folder itself; inside the executable jar, the classes are copied out once to a
	 * temporary folder, since a plain JVM cannot read Spring Boot's nested jar.
	 */
	static String classPath() {
		String given = System.getProperty(CLASS_PATH_PROPERTY);
		if (given != null && !given.isBlank()) {
			return given;
		}
		String path = classPath;
		if (path == null) {
			synchronized (ChildLauncher.class) {
				path = classPath;
				if (path == null) {
					path = findClassPath();
					classPath = path;
				}
			}
		}
		return path;
	}

	private static boolean classPathGiven() {
		String given = System.getProperty(CLASS_PATH_PROPERTY);
		return given != null && !given.isBlank();
	}

	private static String findClassPath() {
		try {
			Path codeSource = Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			// Inside the executable jar the location is a path of Spring Boot's nested file system:
			// a folder there, but nothing a plain JVM could read.
			if (codeSource.getFileSystem() == java.nio.file.FileSystems.getDefault() && Files.isDirectory(codeSource)) {
				return codeSource.toString();
			}
		}
		catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException ex) {
			// not a plain folder: look for the executable jar below
		}
		String launched = System.getProperty("java.class.path");
		if (launched.endsWith(".jar") && Files.isRegularFile(Path.of(launched))) {
			return extractClasses(Path.of(launched)).toString();
		}
		throw new IllegalStateException("cannot find ThreadLab's classes for a child JVM (class path: " + launched + ")");
	}

	private static Path extractClasses(Path jar) {
		try (JarFile file = new JarFile(jar.toFile())) {
			Path target = Files.createTempDirectory("threadlab-child-classes");
			target.toFile().deleteOnExit();
			for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
				JarEntry entry = entries.nextElement();
				if (entry.isDirectory() || !entry.getName().startsWith(BOOT_CLASSES)
						|| !entry.getName().endsWith(".class")) {
					continue;
				}
				Path out = target.resolve(entry.getName().substring(BOOT_CLASSES.length()));
				Files.createDirectories(out.getParent());
				try (InputStream in = file.getInputStream(entry)) {
					Files.copy(in, out);
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot copy ThreadLab's classes out of " + jar, ex);
		}
	}

}
