package org.threadlab.launch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the server starts child processes (see {@code org.threadlab.childjvm.ChildLauncher}).
 *
 * @param spares child JVMs kept started and ready, so that a process asked for runs at once (0: none,
 *               each process then waits for a JVM to start); each idle one holds a few tens of MB
 * @param cds    whether children map a class-data-sharing archive of their classes, made at the
 *               server's start, instead of loading them one by one
 */
@ConfigurationProperties("threadlab.children")
public record ChildSettings(int spares, boolean cds) {

	public ChildSettings {
		if (spares < 0) {
			throw new IllegalArgumentException("threadlab.children.spares must be 0 or more");
		}
	}

}
