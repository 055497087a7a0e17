package org.threadlab.run;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops what is left of a run in the server once its main actor has exited: asks its processes to stop
 * (then kills those that do not), cuts off its threads, waits for all of it within deadlines, then
 * closes the run's resources. Made and used once, by the run's main thread.
 * <p>
 * Interruption: a cancel that arrives meanwhile interrupts the calling thread; the waits go on to their
 * deadline anyway (teardown must finish) and the interrupt is restored at the end.
 */
final class RunTeardown {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final long runId;

	private final List<Thread> threads;

	private final List<Process> processes;

	RunTeardown(long runId, List<Thread> threads, List<Process> processes) {
		this.runId = runId;
		this.threads = threads;
		this.processes = processes;
	}

	/** Stops the processes and threads, waits for them, then runs {@code closeResources}. */
	void stop(Runnable closeResources) {
		Thread self = Thread.currentThread();
		boolean interrupted = Thread.interrupted();
		for (Process process : processes) {
			// A polite stop (SIGTERM): the child's shutdown sends its last events. Through the handle, for
			// Process.destroy() would also close the pipes, and so lose those events.
			process.toHandle().destroy();
		}
		for (Thread thread : threads) {
			if (thread != self) {
				thread.interrupt();
			}
		}
		long processDeadline = System.nanoTime() + WAIT.toNanos();
		for (Process process : processes) {
			interrupted |= waitUntil(processDeadline, left -> process.waitFor(left, TimeUnit.NANOSECONDS));
			if (process.isAlive()) {
				RunLog.LOG.log(Level.WARNING, "run {0}: process {1} did not stop; killing it", runId, process.pid());
				process.destroyForcibly();
				interrupted |= waitUntil(System.nanoTime() + WAIT.toNanos(),
						left -> process.waitFor(left, TimeUnit.NANOSECONDS));
			}
		}
		// The threads get their own time: pipe readers finish only once their process has ended.
		long threadDeadline = System.nanoTime() + WAIT.toNanos();
		for (Thread thread : threads) {
			if (thread != self) {
				interrupted |= waitUntil(threadDeadline, left -> {
					TimeUnit.NANOSECONDS.timedJoin(thread, left);
					return !thread.isAlive();
				});
				if (thread.isAlive()) {
					RunLog.LOG.log(Level.WARNING, "run {0}: thread {1} ignored its interrupt and is still running",
							runId, thread.getName());
				}
			}
		}
		closeResources.run();
		if (interrupted) {
			self.interrupt();
		}
	}

	private interface TimedWait {

		/** Waits at most {@code nanos}; true when what it waits for has happened. */
		boolean await(long nanos) throws InterruptedException;

	}

	/** Waits until done or the deadline, through interrupts; returns whether any interrupt arrived. */
	private static boolean waitUntil(long deadline, TimedWait wait) {
		boolean interrupted = false;
		while (true) {
			long left = deadline - System.nanoTime();
			try {
				if (wait.await(Math.max(1, left)) || left <= 0) {
					return interrupted;
				}
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
	}

}
