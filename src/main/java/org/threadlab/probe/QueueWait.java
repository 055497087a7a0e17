package org.threadlab.probe;

import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;

import org.threadlab.run.Actor;
import org.threadlab.run.TimedWait;

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

	/**
	 * A wait that is not for ever: one look ({@code block} false), or within the timeout, which is
	 * {@code me}'s timer on the run's clock (begun with the step): {@code wait} is given slices of real time.
	 * @return whether {@code wait} said it was done
	 */
	public boolean within(Actor me, TimedWait wait) throws InterruptedException {
		return block ? me.hook().awaitTimed(me, wait) : wait.await(0);
	}

	/**
	 * Under {@code condition}'s lock: waits on it until {@code ready}, as long as the arguments say.
	 * @return whether it is ready
	 */
	public boolean await(Condition condition, BooleanSupplier ready, Actor me) throws InterruptedException {
		if (!block) {
			return ready.getAsBoolean();
		}
		if (timeoutSeconds < 0) {
			while (!ready.getAsBoolean()) {
				condition.await();
			}
			return true;
		}
		return ready.getAsBoolean() || me.hook().awaitTimed(me, nanos -> {
			if (nanos > 0) {
				condition.awaitNanos(nanos);
			}
			return ready.getAsBoolean();
		});
	}

}
