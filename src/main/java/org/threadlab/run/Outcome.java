package org.threadlab.run;

/**
 * How a run ended, the value of its {@code END} event.
 *
 * @param status    completed, failed, cancelled, or ended by the watchdog: deadlock, hang
 * @param error     for a failure, what was raised and its message; for a cancel by the server, why;
 *                  otherwise null
 * @param elapsedNs real nanoseconds from the run's start to its end
 * @param dropped   events that did not fit in the trace (0 unless the run was very long)
 */
public record Outcome(Status status, String error, long elapsedNs, long dropped) {

	public enum Status {
		COMPLETED, FAILED, CANCELLED, DEADLOCK, HANG
	}

}
