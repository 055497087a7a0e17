package org.threadlab.probe;

import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;

import org.threadlab.run.RunClock;

/**
 * Python's {@code block} and {@code timeout} arguments of a queue's {@code put} or {@code get}, and what
 * they come to: a wait for ever (block, no timeout: {@code timeoutSeconds} negative), a wait of at most
 * the timeout (in tutorial seconds), or none at all ({@code block} false, the timeout ignored, as Python
 * ignores it). When it was not ready in time the queue raises {@link TracedQueue.Full} or
 * {@link TracedQueue.Empty}. Shared by {@link TracedQueue} and {@code multiprocessing}'s queue.
 * Immutable; any thread.
 */
public record QueueWait(boolean block, double timeoutSeconds) {

	/** Whether it waits for as long as it takes (and so may be watched by the watchdog). */
	public boolean forever() {
		return block && timeoutSeconds < 0;
	}

	/** Whether it waits at most the timeout. */
	public boolean timed() {
		return block && timeoutSeconds >= 0;
	}

	/** The real nanoseconds it may wait at the run's speed: -1 for ever, 0 not at all. */
	public long nanos(RunClock clock) {
		return forever() ? -1 : !block ? 0 : clock.realNanos(timeoutSeconds);
	}

	/**
	 * Under {@code condition}'s lock: waits on it until {@code ready}, as long as the arguments say.
	 * @return whether it is ready
	 */
	public boolean await(Condition condition, BooleanSupplier ready, RunClock clock) throws InterruptedException {
		if (!block) {
			return ready.getAsBoolean();
		}
		if (timeoutSeconds < 0) {
			while (!ready.getAsBoolean()) {
				condition.await();
			}
			return true;
		}
		long left = clock.realNanos(timeoutSeconds);
		while (!ready.getAsBoolean()) {
			if (left <= 0) {
				return false;
			}
			left = condition.awaitNanos(left);
		}
		return true;
	}

}
