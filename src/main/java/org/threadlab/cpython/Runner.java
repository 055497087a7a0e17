package org.threadlab.cpython;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The folder holding ThreadLab's {@code sitecustomize.py} (resources/cpython/): on a python's PYTHONPATH
 * it scales the listing's sleeps by the run's speed, stamps each printed line with its lesson time and
 * thread, and reports a program whose threads all wait for ever. Written to a temporary folder once
 * per JVM. Thread-safe.
 */
public final class Runner {

	private static Path directory;

	private Runner() {
	}

	/** The folder to put on PYTHONPATH. */
	public static synchronized Path directory() {
		if (directory == null) {
			try (InputStream in = Runner.class.getClassLoader().getResourceAsStream("cpython/sitecustomize.py")) {
				if (in == null) {
					throw new IllegalStateException("missing resource cpython/sitecustomize.py");
				}
				Path folder = Files.createTempDirectory("threadlab-cpython-");
				Path file = folder.resolve("sitecustomize.py");
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				folder.toFile().deleteOnExit();
				file.toFile().deleteOnExit();
				directory = folder;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return directory;
	}

}
