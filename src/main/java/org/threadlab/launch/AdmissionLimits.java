package org.threadlab.launch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the runs of one server may use at once, and one client's share of it. A run is admitted by its
 * cost ({@link org.threadlab.scenario.RunCost}): a lesson that sleeps costs a few idle threads, one that
 * computes costs cores, one with child processes costs processes. A run that does not fit waits in a
 * fair queue; only a full queue refuses one.
 *
 * @param threads server threads that running runs may have alive at once
 * @param processes child processes (JVMs, {@code python3}) alive at once over all runs
 * @param cores cores' worth of CPU-bound work at once
 * @param queue runs waiting at once over all clients; one more is refused as busy
 * @param client what one client (an address; an IPv6 /64) may hold at once and have waiting
 */
@ConfigurationProperties("threadlab.admission")
public record AdmissionLimits(int threads, int processes, double cores, int queue, Share client) {

	/**
	 * One client's share.
	 *
	 * @param threads server threads its running runs may have alive at once
	 * @param processes child processes its runs may have alive at once
	 * @param cores cores' worth of CPU-bound work its runs may have at once
	 * @param queue its runs waiting at once
	 */
	public record Share(int threads, int processes, double cores, int queue) {

		public Share {
			if (threads < 1 || processes < 1 || !(cores > 0) || queue < 0) {
				throw new IllegalArgumentException("threadlab.admission.client: threads and processes must be at least 1, "
						+ "cores above 0, queue at least 0");
			}
		}

	}

	public AdmissionLimits {
		if (threads < 1 || processes < 1 || !(cores > 0) || queue < 0 || client == null) {
			throw new IllegalArgumentException("threadlab.admission: threads and processes must be at least 1, "
					+ "cores above 0, queue at least 0");
		}
	}

}
