package org.threadlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * What the OS says about processes. A zombie (dead, not yet reaped) counts as ended here, though
 * {@link ProcessHandle#isAlive()} says it is alive: where no init reaps orphans (a container without one,
 * this very machine) a dead orphan stays a zombie for ever.
 */
public final class OsProcesses {

	private OsProcesses() {
	}

	/** Whether the process runs: it exists and is not a zombie. */
	public static boolean isRunning(long pid) {
		if (!Files.isDirectory(Path.of("/proc", "self"))) {
			return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); // no /proc: the JDK's word
		}
		return state(pid).map(s -> s != 'Z' && s != 'X').orElse(false);
	}

	/** Whether the process is a zombie: ended, and its parent has not reaped it. */
	public static boolean isZombie(long pid) {
		return state(pid).map(s -> s == 'Z').orElse(false);
	}

	private static java.util.Optional<Character> state(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			int close = stat.lastIndexOf(')'); // the name in parentheses may hold spaces
			return java.util.Optional.of(stat.charAt(close + 2));
		}
		catch (IOException | RuntimeException gone) {
			return java.util.Optional.empty();
		}
	}

	/** Waits until none of the processes runs, at most {@code limit}; returns those still running. */
	public static List<Long> awaitEnded(Collection<Long> pids, Duration limit) throws InterruptedException {
		return Eventually.within(limit)
			.every(Duration.ofMillis(20))
			.last(() -> pids.stream().filter(OsProcesses::isRunning).toList(), List::isEmpty);
	}

}
