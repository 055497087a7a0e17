package org.threadlab.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run in the server: its threads are JVM daemons that the run cuts off itself, its events are stamped
 * with lesson time, a cause from a child process is looked up where that child's pipe put it, and when
 * the main actor has exited the run stops the rest, records {@code END} and completes its outcome.
 * Stateless: any thread may call any method.
 */
final class ServerResidence implements Residence {

	@Override
	public Object startValue() {
		return null;
	}

	@Override
	public boolean jvmDaemon(boolean pythonDaemon) {
		return true;
	}

	@Override
	public long stamp(RunClock clock) {
		return clock.now();
	}

	@Override
	public Blocker acrossProcesses(RunTrace trace, Actor actor, String object, java.util.function.BooleanSupplier ready) {
		return new Blocker() {

			@Override
			public String name() {
				return object;
			}

			@Override
			public String kind() {
				return "queue";
			}

			@Override
			public boolean canProceed(Actor waiter) {
				return ready.getAsBoolean();
			}

			@Override
			public boolean heardLate() {
				return true; // a child may have put an item, or be about to, and not said so yet
			}

		};
	}

	@Override
	public long foreignCause(EventOrigins origins, long pid, long seq) {
		return origins.find(pid, seq, RunTrace.CROSS_PROCESS_WAIT_NANOS);
	}

	@Override
	public Path makeFolder(long runId) throws IOException {
		return RunFolders.make(runId); // in this JVM's folder, which a later server removes if this one dies
	}

	@Override
	public Path ownFolder(Path folder) {
		return folder;
	}

	@Override
	public Outcome mainExited(RunLifecycle lifecycle, Actor main, Outcome.Status status, String error) {
		return lifecycle.tearDown(main, status, error);
	}

	@Override
	public void mainThreadEnds(RunLifecycle lifecycle) {
		lifecycle.failIfUnended();
	}

}
