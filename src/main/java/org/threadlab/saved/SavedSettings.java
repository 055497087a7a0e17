package org.threadlab.saved;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How saved runs are kept.
 *
 * @param maxBytes a recording's JSON at most (a larger one is refused)
 * @param keepDays a saved run is deleted this long after it was saved
 * @param perMinute saves one address may make in a minute (a burst of as many, then one every 60/n s)
 */
@ConfigurationProperties("threadlab.saved")
public record SavedSettings(int maxBytes, double keepDays, int perMinute) {

	public SavedSettings {
		if (maxBytes < 1024 || !(keepDays > 0) || perMinute < 1) {
			throw new IllegalArgumentException("threadlab.saved: max-bytes at least 1024, keep-days above 0, "
					+ "per-minute at least 1");
		}
	}

}
