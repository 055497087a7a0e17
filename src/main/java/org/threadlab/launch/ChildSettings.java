package org.threadlab.launch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the server starts child processes (see {@code org.threadlab.childjvm.ChildLauncher}).
 *
 * @param spares    child JVMs kept started and ready when calm, so that a process asked for runs at once
 *                  (0: none, each process then waits for a JVM to start); each idle one holds about 47 MB
 * @param sparesMax at most this many when processes are asked for fast (a class starting lessons
 *                  together); 0 or less: as many as {@code spares}
 * @param cds    whether children map a class-data-sharing archive of their classes, made at the
 *               server's start, instead of loading them one by one
 */
@ConfigurationProperties("threadlab.children")
public record ChildSettings(int spares, int sparesMax, boolean cds) {

	public ChildSettings {
		if (spares < 0) {
			throw new IllegalArgumentException("threadlab.children.spares must be 0 or more");
		}
		sparesMax = Math.max(spares, sparesMax);
	}

}
