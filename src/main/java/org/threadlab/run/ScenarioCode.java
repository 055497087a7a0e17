package org.threadlab.run;

/**
 * Where scenario code lives: the sub-packages of {@code org.threadlab.scenario} (the package itself holds
 * the catalog and its plumbing, which is not a lesson's code). The one place that spells the name for the
 * layers below the scenarios, which cannot import them; a test checks it against the catalog's package.
 * Stateless.
 */
public final class ScenarioCode {

	/** The package whose sub-packages hold scenario code. */
	public static final String PACKAGE = "org.threadlab.scenario";

	/** The same as a resource path, with its trailing slash: {@code org/threadlab/scenario/}. */
	public static final String RESOURCE_PATH = PACKAGE.replace('.', '/') + "/";

	private static final String PREFIX = PACKAGE + ".";

	private ScenarioCode() {
	}

	/** True for a class of a lesson's code: in a sub-package of {@link #PACKAGE}, not in the package itself. */
	public static boolean isScenarioClass(String className) {
		return className.startsWith(PREFIX) && className.indexOf('.', PREFIX.length()) > 0;
	}

}
