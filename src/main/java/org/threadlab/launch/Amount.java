package org.threadlab.launch;

import java.util.EnumSet;
import java.util.Set;

import org.threadlab.scenario.RunCost;

/**
 * An amount of the server's room: threads, child processes and cores' worth of CPU-bound work. What a
 * run needs, what runs hold, and what the server or one client may hold are each one. Immutable.
 *
 * @param threads server threads alive at once
 * @param processes child processes alive at once
 * @param cores cores kept busy at once (a fraction when a run's busy threads are few)
 */
record Amount(int threads, int processes, double cores) {

	/** Cores are added and taken back as doubles: a sum may be off by this much from the exact one. */
	private static final double EPSILON = 1e-9;

	static final Amount NONE = new Amount(0, 0, 0);

	static final Amount ONE_PROCESS = new Amount(0, 1, 0);

	/** A kind of room, which a run may need and the server may lack. */
	enum Kind {
		THREADS, PROCESSES, CORES
	}

	/** What one run needs: its {@link RunCost} at its settings (the emulated GIL on or off). */
	static Amount of(RunCost cost, boolean gil) {
		return new Amount(cost.threads(), cost.processes(), cost.cores(gil));
	}

	/** The whole server's room. */
	static Amount of(AdmissionLimits limits) {
		return new Amount(limits.threads(), limits.processes(), limits.cores());
	}

	/** One client's share of it. */
	static Amount of(AdmissionLimits.Share share) {
		return new Amount(share.threads(), share.processes(), share.cores());
	}

	Amount plus(Amount other) {
		return new Amount(threads + other.threads, processes + other.processes, cores + other.cores);
	}

	Amount minus(Amount other) {
		return new Amount(threads - other.threads, processes - other.processes, cores - other.cores);
	}

	/** Each kind at most the limit's. */
	Amount atMost(Amount limit) {
		return new Amount(Math.min(threads, limit.threads), Math.min(processes, limit.processes),
				Math.min(cores, limit.cores));
	}

	/** True when no kind is beyond the limit's. */
	boolean fitsIn(Amount limit) {
		return beyond(limit).isEmpty();
	}

	/** The kinds of which there is more than the limit allows. */
	Set<Kind> beyond(Amount limit) {
		Set<Kind> beyond = EnumSet.noneOf(Kind.class);
		if (threads > limit.threads) {
			beyond.add(Kind.THREADS);
		}
		if (processes > limit.processes) {
			beyond.add(Kind.PROCESSES);
		}
		if (cores > limit.cores + EPSILON) {
			beyond.add(Kind.CORES);
		}
		return beyond;
	}

	/** The kinds of which there is some. */
	Set<Kind> kinds() {
		Set<Kind> kinds = EnumSet.noneOf(Kind.class);
		if (threads > 0) {
			kinds.add(Kind.THREADS);
		}
		if (processes > 0) {
			kinds.add(Kind.PROCESSES);
		}
		if (cores > 0) {
			kinds.add(Kind.CORES);
		}
		return kinds;
	}

}
