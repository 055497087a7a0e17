package org.threadlab.testing;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a test that failed, or that JUnit stopped at its timeout, ends the child processes it left
 * behind: the child JVMs of runs (not the spares, which belong to no run) and the listings running
 * under CPython. JUnit's timeout interrupts the test's thread, so a test that waits where an interrupt
 * reaches it gets to its finally blocks and destroys what it started itself; this is for what no
 * finally block owns (a run the test started and never got to cancel), so that the next test of the
 * same JVM, which checks that no child process is left, does not find it. A test that passes is left
 * to its own checks. Registered for every test by JUnit's autodetection (junit-platform.properties);
 * JUnit calls it on the test's thread, after the test's own {@code @AfterEach} methods.
 */
public final class LeftChildProcesses implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		if (context.getExecutionException().isEmpty()) {
			return;
		}
		List<ProcessHandle> left = Stream.concat(RunThreads.childProcesses().stream(), Pythons.listings().stream()).toList();
		left.forEach(process -> {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		});
	}

}
