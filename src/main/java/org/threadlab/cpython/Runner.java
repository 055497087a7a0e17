package org.threadlab.cpython;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The folder holding ThreadLab's {@code sitecustomize.py} and its package {@code _threadlab}
 * (resources/cpython/, every file listed in its {@code files.txt}): on a python's PYTHONPATH it scales the
 * listing's sleeps and timeouts by the run's speed on one clock for all its processes, stamps each printed
 * line with its lesson time and thread, traces its steps when asked, and reports a program whose threads
 * all wait for ever. Written to a temporary folder once per JVM. Thread-safe.
 */
public final class Runner {

	private static Path directory;

	private Runner() {
	}

	/** The folder to put on PYTHONPATH. */
	public static synchronized Path directory() {
		if (directory == null) {
			try {
				Path folder = Files.createTempDirectory("threadlab-cpython-");
				folder.toFile().deleteOnExit();
				for (String name : new String(resource("files.txt").readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					if (name.isBlank()) {
						continue;
					}
					Path file = folder.resolve(name.trim());
					Files.createDirectories(file.getParent());
					file.getParent().toFile().deleteOnExit();
					try (InputStream in = resource(name.trim())) {
						Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
					}
					file.toFile().deleteOnExit();
				}
				directory = folder;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return directory;
	}

	private static InputStream resource(String name) {
		InputStream in = Runner.class.getClassLoader().getResourceAsStream("cpython/" + name);
		if (in == null) {
			throw new IllegalStateException("missing resource cpython/" + name);
		}
		return in;
	}

}
