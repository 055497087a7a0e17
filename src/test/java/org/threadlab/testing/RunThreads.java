package org.threadlab.testing;

import java.time.Duration;
import java.util.List;

import org.threadlab.child.ChildMain;

/** What is left alive of runs: their threads are all named "run-<id>-...". */
public final class RunThreads {

	private RunThreads() {
	}

	public static List<String> alive() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter(name -> name.startsWith("run-"))
			.toList();
	}

	/**
	 * Waits until no run thread is alive, at most {@code limit}: a run's main thread records END and
	 * completes its outcome an instant before it ends. Returns the ones still alive (empty when done).
	 */
	public static List<String> awaitNone(Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		List<String> alive = alive();
		while (!alive.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(10);
			alive = alive();
		}
		return alive;
	}

	/** Child JVMs of runs (not the browser driver's processes) still running. */
	public static List<ProcessHandle> childProcesses() {
		return ProcessHandle.current()
			.descendants()
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().commandLine().orElse("").contains(ChildMain.class.getName()))
			.toList();
	}

}
