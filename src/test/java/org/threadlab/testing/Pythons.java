package org.threadlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.threadlab.cpython.Interpreter;

/**
 * The {@code python3} on the PATH (3.10 or newer) for tests that run listings under real CPython. Where
 * there is none they are skipped with a message saying so, except on CI (CI=true), where they fail:
 * {@code .ci/run} installs python3.
 */
public final class Pythons {

	private static Interpreter.Lookup lookup;

	private Pythons() {
	}

	public static synchronized Interpreter interpreter() {
		if (lookup == null) {
			lookup = Interpreter.find("python3");
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			assertThat(lookup.found()).as("CI needs python3 %s or newer: %s", Interpreter.OLDEST, lookup.missing()).isTrue();
		}
		Assumptions.assumeTrue(lookup.found(), () -> "Skipped: comparing with CPython needs python3 " + Interpreter.OLDEST
				+ " or newer on the PATH, and " + lookup.missing() + ".");
		return lookup.interpreter();
	}

	/** Listings still running under python, started by this JVM; waits up to {@code within} for them to end. */
	public static List<ProcessHandle> awaitNoListing(Duration within) throws InterruptedException {
		return Eventually.within(within).every(Duration.ofMillis(20)).last(Pythons::listings, List::isEmpty);
	}

	/** Listings running under python now, started by this JVM. */
	static List<ProcessHandle> listings() {
		return ProcessHandle.current()
			.descendants()
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().commandLine().orElse("").contains("threadlab-listing-"))
			.toList();
	}

}
