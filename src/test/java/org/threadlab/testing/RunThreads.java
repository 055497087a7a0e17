package org.threadlab.testing;

import java.time.Duration;
import java.util.List;

import org.threadlab.childjvm.ChildLauncher;
import org.threadlab.childjvm.ChildMain;

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
		return Eventually.within(limit).last(RunThreads::alive, List::isEmpty);
	}

	/**
	 * Child JVMs of runs still running: not the browser driver's processes, and not the spares, which
	 * belong to no run yet.
	 */
	public static List<ProcessHandle> childProcesses() {
		List<ProcessHandle> children = ProcessHandle.current()
			.descendants()
			.filter(p -> OsProcesses.isRunning(p.pid()))
			.filter(p -> p.info().commandLine().orElse("").contains(ChildMain.class.getName()))
			.toList();
		List<Long> spares = ChildLauncher.sparePids();
		return children.stream().filter(p -> !spares.contains(p.pid())).toList();
	}

	/** Waits until no child JVM of a run is left, at most {@code limit}: a child's end is reaped a moment later. */
	public static List<ProcessHandle> awaitNoChildProcesses(Duration limit) throws InterruptedException {
		return Eventually.within(limit).last(RunThreads::childProcesses, List::isEmpty);
	}

}
