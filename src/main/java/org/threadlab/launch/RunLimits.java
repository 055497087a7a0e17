package org.threadlab.launch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How far one run may go. (How many runs may go at once is {@link AdmissionLimits}.)
 *
 * @param traceCapacity events kept per run; a run that records more keeps the first ones and says so
 * @param minSpeed the slowest speed of time a run may ask for
 * @param maxSpeed the fastest
 * @param maxSeconds real seconds a run may last; past them the server cancels it
 */
@ConfigurationProperties("threadlab.runs")
public record RunLimits(long traceCapacity, double minSpeed, double maxSpeed, long maxSeconds) {

	public RunLimits {
		if (traceCapacity < 1 || !(minSpeed > 0) || !(maxSpeed >= minSpeed) || maxSeconds < 1) {
			throw new IllegalArgumentException("threadlab.runs: limits must be positive and minSpeed <= maxSpeed");
		}
	}

}
