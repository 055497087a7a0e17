package org.threadlab.launch;

import org.threadlab.run.Outcome;

/**
 * A run has ended: published as an application event the moment its outcome is known (after its
 * {@code END} event was recorded, before its last events reach its client), for observers such as
 * metrics or the load benchmark. Immutable.
 *
 * @param runId the run's id, as in its messages
 * @param scenario the scenario's id
 * @param outcome how it ended
 * @param endedNanos {@link System#nanoTime()} when it ended
 */
public record RunEnded(long runId, String scenario, Outcome outcome, long endedNanos) {
}
