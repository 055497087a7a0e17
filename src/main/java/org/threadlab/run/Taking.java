package org.threadlab.run;

import java.util.function.BooleanSupplier;

/**
 * The three ways a primitive can really take what it guards (a permit, a lock): at once or not at
 * all, for as long as it takes, or within a time. {@link Hook#take} chooses among them the way
 * CPython's acquire does. Immutable.
 */
public record Taking(BooleanSupplier now, Forever forever, Within within) {

	/** Blocks until taken. */
	@FunctionalInterface
	public interface Forever {

		void take() throws InterruptedException;

	}

	/** Blocks at most {@code nanos}; true if taken. */
	@FunctionalInterface
	public interface Within {

		boolean take(long nanos) throws InterruptedException;

	}

}
