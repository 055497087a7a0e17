package org.threadlab.scenario;

/**
 * What one run of a scenario uses at its peak, as the scenario declares it from its parameters: the
 * server admits runs by this, not by a flat count (a lesson that sleeps for four seconds costs two idle
 * threads; a race of five million steps keeps two cores busy). Immutable.
 *
 * @param threads threads of the server the run has alive at once at most: its main thread, its other
 *        threads, and one pipe reader per child process
 * @param processes child processes (child JVMs, {@code python3}) alive at once at most
 * @param busyThreads threads that compute without waiting long enough to matter (CPU-bound); 0 for a
 *        lesson whose threads sleep and wait
 * @param busyProcesses how many processes those busy threads are spread over: under the emulated GIL
 *        each process keeps at most one core busy, whatever its number of busy threads
 */
public record RunCost(int threads, int processes, int busyThreads, int busyProcesses) {

	/**
	 * Below this many steps a loop's CPU time (tens of milliseconds through the hook) is too short to
	 * count: such a run is admitted as one that waits.
	 */
	public static final long BUSY_STEPS = 100_000;

	public RunCost {
		if (threads < 1 || processes < 0 || busyThreads < 0 || busyProcesses < (busyThreads > 0 ? 1 : 0)) {
			throw new IllegalArgumentException("not a run's cost: " + threads + " threads, " + processes
					+ " processes, " + busyThreads + " busy threads over " + busyProcesses + " processes");
		}
	}

	/** A run of {@code threads} server threads that mostly sleep and wait. */
	public static RunCost waiting(int threads) {
		return new RunCost(threads, 0, 0, 0);
	}

	/** The same run with {@code processes} child processes alive at once as well. */
	public RunCost withProcesses(int processes) {
		return new RunCost(threads, processes, busyThreads, busyProcesses);
	}

	/** The same run, with {@code busyThreads} of its threads computing in one process. */
	public RunCost computing(int busyThreads) {
		return computing(busyThreads, busyThreads > 0 ? 1 : 0);
	}

	/** The same run, with {@code busyThreads} threads computing over {@code busyProcesses} processes. */
	public RunCost computing(int busyThreads, int busyProcesses) {
		return new RunCost(threads, processes, busyThreads, busyProcesses);
	}

	/**
	 * The cores the run keeps busy: one per busy thread when threads really run in parallel; with the
	 * emulated GIL on, at most one per process that computes.
	 */
	public double cores(boolean gil) {
		return gil ? Math.min(busyThreads, busyProcesses) : busyThreads;
	}

}
