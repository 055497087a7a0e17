package org.threadlab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run in a child process, which is the Python process: its threads are JVM daemons only when Python's
 * are, its events are stamped with real time and its timers told to the parent (which keeps the lesson
 * time), a cause from another process travels to the parent as it is, its folder is its parent's, and
 * when the main actor has exited the process ends: its daemon threads end with it and the parent records
 * the end. Stateless: any thread may call any method.
 */
final class ChildResidence implements Residence {

	@Override
	public Object startValue() {
		return Run.pid();
	}

	@Override
	public boolean jvmDaemon(boolean pythonDaemon) {
		return pythonDaemon;
	}

	@Override
	public long stamp(RunClock clock) {
		return clock.realNow();
	}

	@Override
	public Blocker acrossProcesses(RunTrace trace, Actor actor, String object, java.util.function.BooleanSupplier ready) {
		trace.tellParentOfWait(actor, object); // this process sees none of the others: its parent sees them all
		return null;
	}

	@Override
	public long foreignCause(EventOrigins origins, long pid, long seq) {
		return EventOrigins.foreign(pid, seq);
	}

	@Override
	public Path makeFolder(long runId) throws IOException {
		String given = System.getProperty(Run.FOLDER_PROPERTY);
		return given != null ? Path.of(given) : Files.createTempDirectory("threadlab-run-" + runId + "-");
	}

	@Override
	public Path ownFolder(Path folder) {
		return null; // the parent's, to remove
	}

	@Override
	public Outcome mainExited(RunLifecycle lifecycle, Actor main, Outcome.Status status, String error) {
		// the process ends now; its daemon threads end with it and the parent records the end
		return lifecycle.outcomeNow(status, error);
	}

	@Override
	public void mainThreadEnds(RunLifecycle lifecycle) {
		// the caller of runHere hears of the end from its return
	}

}
