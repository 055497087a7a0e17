package org.threadlab.run;

/**
 * Finds the line of scenario code that called a probe, so the page can point at it in the listing.
 * Scenario code lives in the sub-packages of {@code org.threadlab.scenario} (the package itself holds
 * only the catalog's plumbing). Stateless; safe from any thread.
 */
final class SourceLines {

	private static final String SCENARIO_CODE = "org.threadlab.scenario.";

	private static final StackWalker WALKER = StackWalker.getInstance();

	private SourceLines() {
	}

	static int caller() {
		return WALKER.walk(frames -> frames.filter(SourceLines::isScenarioCode)
			.findFirst()
			.map(StackWalker.StackFrame::getLineNumber)
			.orElse(0));
	}

	private static boolean isScenarioCode(StackWalker.StackFrame frame) {
		String name = frame.getClassName();
		return name.startsWith(SCENARIO_CODE) && name.indexOf('.', SCENARIO_CODE.length()) > 0;
	}

}
