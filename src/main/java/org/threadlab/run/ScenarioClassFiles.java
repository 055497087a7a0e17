package org.threadlab.run;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class files of scenario code (the sub-packages of {@code org.threadlab.scenario}) on a class
 * loader's path, in folders or jars, and which of them the build did not stamp as rewritten
 * ({@link Lines#STAMP}). Used once per JVM; stateless.
 */
final class ScenarioClassFiles {

	private static final String PACKAGE = ScenarioCode.RESOURCE_PATH;

	private static final byte[] STAMP = Lines.STAMP.getBytes(StandardCharsets.UTF_8);

	/**
	 * What a look at the class path found.
	 * @param classes how many class files of scenario code there are
	 * @param unstamped those not rewritten by the build (paths like {@code org/threadlab/scenario/x/Y.class})
	 * @param unreadable why some could not be listed or read, or null
	 */
	record Survey(int classes, List<String> unstamped, String unreadable) {

		/** True when every class file of scenario code was seen and carries the stamp. */
		boolean allStamped() {
			return classes > 0 && unstamped.isEmpty() && unreadable == null;
		}

	}

	private ScenarioClassFiles() {
	}

	static Survey survey(ClassLoader loader) {
		List<String> unstamped = new ArrayList<>();
		int[] classes = new int[1];
		try {
			Enumeration<URL> roots = loader.getResources(PACKAGE);
			for (URL root : Collections.list(roots)) {
				if ("file".equals(root.getProtocol())) {
					surveyFolder(new File(root.toURI()), "", unstamped, classes);
				}
				else if (root.openConnection() instanceof JarURLConnection jar) {
					surveyJar(jar, unstamped, classes);
				}
				else {
					return new Survey(classes[0], unstamped, "cannot list " + root);
				}
			}
		}
		catch (IOException | UncheckedIOException | URISyntaxException | IllegalArgumentException ex) {
			return new Survey(classes[0], unstamped, ex.toString());
		}
		return new Survey(classes[0], List.copyOf(unstamped), null);
	}

	/** Plain java.io: a child JVM has loaded it already, so this costs a child a couple of milliseconds. */
	private static void surveyFolder(File folder, String relative, List<String> unstamped, int[] classes)
			throws IOException {
		File[] files = folder.listFiles();
		if (files == null) {
			throw new IOException("cannot list " + folder);
		}
		for (File file : files) {
			String path = relative + file.getName();
			if (file.isDirectory()) {
				surveyFolder(file, path + "/", unstamped, classes);
			}
			else if (isScenarioCode(path)) {
				classes[0]++;
				try (InputStream in = new FileInputStream(file)) {
					if (!isStamped(in.readAllBytes())) {
						unstamped.add(PACKAGE + path);
					}
				}
			}
		}
	}

	private static void surveyJar(JarURLConnection connection, List<String> unstamped, int[] classes)
			throws IOException {
		connection.setUseCaches(false); // our own copy of the jar, closed below, not the class loader's
		String prefix = connection.getEntryName();
		try (JarFile jar = connection.getJarFile()) {
			for (JarEntry entry : Collections.list(jar.entries())) {
				String name = entry.getName();
				if (name.startsWith(prefix) && isScenarioCode(name.substring(prefix.length()))) {
					classes[0]++;
					try (InputStream in = jar.getInputStream(entry)) {
						if (!isStamped(in.readAllBytes())) {
							unstamped.add(PACKAGE + name.substring(prefix.length()));
						}
					}
				}
			}
		}
	}

	/** A class file in a sub-package: the package itself holds the catalog's plumbing, not scenario code. */
	private static boolean isScenarioCode(String pathInPackage) {
		return pathInPackage.endsWith(".class") && pathInPackage.indexOf('/') > 0;
	}

	/** The stamp's name sits in the class file's constant pool as plain bytes; scenario code never writes it. */
	static boolean isStamped(byte[] classFile) {
		outer: for (int i = 0, last = classFile.length - STAMP.length; i <= last; i++) {
			if (classFile[i] != STAMP[0]) {
				continue;
			}
			for (int j = 1; j < STAMP.length; j++) {
				if (classFile[i + j] != STAMP[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
