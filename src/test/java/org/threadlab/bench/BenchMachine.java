package org.threadlab.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the benchmarks that start child JVMs need to know of this machine and this JVM; stateless. */
final class BenchMachine {

	private BenchMachine() {
	}

	/** The folders of ThreadLab's own classes (main and test) on this JVM's class path: a child's class path. */
	static String ownClassFolders() {
		List<String> folders = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (Files.isDirectory(Path.of(entry, "org", "threadlab"))) {
				folders.add(entry);
			}
		}
		return String.join(File.pathSeparator, folders);
	}

	/** The load average over the last minute (where the system tells it) and the cores, for a figure's heading. */
	static String loadAverage() {
		int cores = Runtime.getRuntime().availableProcessors();
		try {
			return "load average " + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " over the last minute, "
					+ cores + " cores";
		}
		catch (IOException | RuntimeException noLoadAverage) {
			return cores + " cores";
		}
	}

}
