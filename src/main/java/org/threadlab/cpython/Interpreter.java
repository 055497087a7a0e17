package org.threadlab.cpython;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CPython that can run the listings: 3.10 or newer, the first version whose GIL changes hands only at
 * back-edges and calls, as the lessons say. Immutable.
 *
 * @param executable the interpreter's own path (not a launcher script in front of it)
 * @param version its version, "3.11.7"
 */
public record Interpreter(String executable, String version) {

	/** The oldest version the lessons are checked against. */
	public static final String OLDEST = "3.10";

	private static final Pattern PROBE = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\S*\\s+(.+)");

	/** What looking for a python found: an interpreter, or why there is none ("no python3", "python3 is 3.8.10"). */
	public record Lookup(Interpreter interpreter, String missing) {

		public boolean found() {
			return interpreter != null;
		}

	}

	/**
	 * Asks {@code command} (searched on the PATH) for its version and where it lives. Blocks for at most
	 * ten seconds; safe from any thread.
	 */
	public static Lookup find(String command) {
		ProcessBuilder probe = new ProcessBuilder(command, "-c",
				"import sys; print('%d.%d.%d' % sys.version_info[:3], sys.executable)");
		probe.redirectErrorStream(true);
		Process process;
		try {
			process = probe.start();
		}
		catch (IOException ex) {
			return new Lookup(null, "there is no " + command + " on this server");
		}
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Lookup(null, command + " did not say its version within 10 s");
			}
			String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			Matcher version = PROBE.matcher(answer);
			if (process.exitValue() != 0 || !version.matches()) {
				return new Lookup(null, command + " did not say its version: " + answer);
			}
			int major = Integer.parseInt(version.group(1));
			int minor = Integer.parseInt(version.group(2));
			String found = major + "." + minor + "." + version.group(3);
			if (major < 3 || (major == 3 && minor < 10)) {
				return new Lookup(null, command + " is Python " + found + "; the lessons need " + OLDEST + " or newer");
			}
			return new Lookup(new Interpreter(version.group(4).trim(), found), null);
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			return new Lookup(null, "interrupted while asking " + command + " for its version");
		}
		catch (IOException ex) {
			return new Lookup(null, command + " did not say its version: " + ex.getMessage());
		}
	}

}
