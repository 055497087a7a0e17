package org.threadlab.launch;

import org.threadlab.scenario.ScenarioCatalog;

/** A {@link RunLauncher} outside Spring, for benchmarks that start runs as the server does. */
public final class Launchers {

	private Launchers() {
	}

	/** A launcher with these limits, whose run-ended events go nowhere; {@link #stop} it when done. */
	public static RunLauncher of(ScenarioCatalog catalog, RunLimits limits, AdmissionLimits admission) {
		return new RunLauncher(catalog, limits, admission, event -> {
		});
	}

	public static void stop(RunLauncher launcher) {
		launcher.stop();
	}

}
