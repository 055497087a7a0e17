package org.threadlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.threadlab.cpython.Interpreter;
import org.threadlab.scenario.Language;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;

/**
 * A lesson's Python listing, rendered for a run's values, run as it is under the {@code python3} on the
 * PATH (no runner around it: CPython's own figures), for benchmarks that print ThreadLab's beside
 * CPython's. The listing is a file of its own, as spawn's workers re-import it. Stateless.
 */
final class CPythonListing {

	private static Interpreter.Lookup python;

	private CPythonListing() {
	}

	/** The python3 found, or null; {@link #missing()} says why not. */
	static synchronized Interpreter python() {
		if (python == null) {
			python = Interpreter.find("python3");
		}
		return python.interpreter();
	}

	static String missing() {
		return python.missing();
	}

	/** What the listing printed, line by line; it must end within two minutes. */
	static List<String> run(ScenarioCatalog catalog, Scenario scenario, Map<String, ?> values) throws IOException, InterruptedException {
		Params params = Params.parse(scenario.parameters(), values);
		String program = catalog.listing(scenario, Language.EN, params).python();
		Path folder = Files.createTempDirectory("threadlab-bench-" + scenario.id() + "-");
		Path file = folder.resolve("listing.py");
		try {
			Files.writeString(file, program, StandardCharsets.UTF_8);
			Process process = new ProcessBuilder(python().executable(), file.getFileName().toString()).directory(folder.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			process.getOutputStream().close();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("the " + scenario.id() + " listing failed under CPython: " + out);
			}
			return out.lines().toList();
		}
		finally {
			try (var files = Files.walk(folder)) {
				for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(f);
				}
			}
		}
	}

}
