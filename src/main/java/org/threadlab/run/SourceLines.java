package org.threadlab.run;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Finds the line of scenario code that called a probe, so the page can point at it in the listing.
 * Scenario code lives in the sub-packages of {@code org.threadlab.scenario} (the package itself holds
 * only the catalog's plumbing); the line is that of the innermost frame of scenario code on the calling
 * thread's stack, or 0 if there is none.
 * <p>
 * The build rewrites scenario code so that each thread keeps that line up to date itself
 * ({@link Lines}): reading it is a field load. Classes the build did not rewrite (compiled by an IDE,
 * say) would leave it wrong, so once per JVM every class file of scenario code on the class path is
 * checked for the build's stamp (a child JVM on the same classes is told the answer instead); if any
 * lacks it, every line is found by walking the stack, as slow as that is (a microsecond or two per
 * event), and a warning says so.
 * <p>
 * Thread-safety: safe from any thread. The cross-check for tests is switched before the runs it
 * checks start (which orders the write before their reads) and collects into a concurrent queue.
 */
final class SourceLines {

	private static final System.Logger LOG = System.getLogger(SourceLines.class.getName());

	private static final StackWalker WALKER = StackWalker.getInstance();

	/** What a look at the class path found; null in a child JVM its parent told ({@link Lines#INSTRUMENTED_PROPERTY}). */
	private static final ScenarioClassFiles.Survey SURVEY;

	/** Decided once: then a JIT-compiled {@link #caller()} keeps one of its two branches only. */
	private static final boolean INSTRUMENTED;

	private static boolean crossChecking;

	private static final Queue<String> MISMATCHES = new ConcurrentLinkedQueue<>();

	static {
		String told = System.getProperty(Lines.INSTRUMENTED_PROPERTY);
		if (told != null) {
			SURVEY = null;
			INSTRUMENTED = Boolean.parseBoolean(told);
		}
		else {
			SURVEY = ScenarioClassFiles.survey(SourceLines.class.getClassLoader());
			INSTRUMENTED = SURVEY.allStamped();
			if (!INSTRUMENTED) {
				LOG.log(Level.WARNING,
						"scenario code was not rewritten by the build ({0}): each event finds its line by walking "
								+ "the stack, which is slow. Build with ./mvnw to get the fast path.",
						SURVEY.unreadable() != null ? SURVEY.unreadable()
								: SURVEY.classes() == 0 ? "no class of scenario code found"
										: "not stamped: " + String.join(", ", SURVEY.unstamped()));
			}
		}
	}

	private SourceLines() {
	}

	static int caller() {
		if (!INSTRUMENTED) {
			return walk();
		}
		int line = Lines.current();
		if (crossChecking) {
			crossCheck(line);
		}
		return line;
	}

	private static int walk() {
		return WALKER.walk(frames -> frames.filter(SourceLines::isScenarioCode)
			.findFirst()
			.map(StackWalker.StackFrame::getLineNumber)
			.orElse(0));
	}

	private static boolean isScenarioCode(StackWalker.StackFrame frame) {
		String name = frame.getClassName();
		return ScenarioCode.isScenarioClass(name);
	}

	/** Whether every class of scenario code on the class path was rewritten by the build. */
	static boolean instrumented() {
		return INSTRUMENTED;
	}

	/** What the look at the class path found: how many classes, which were not rewritten; null if told. */
	static ScenarioClassFiles.Survey survey() {
		return SURVEY;
	}

	/**
	 * For tests: from now on, compare every line with what a stack walk finds, and keep each
	 * difference ({@link #mismatches()}). Call it before the runs it checks start.
	 */
	static void crossCheck(boolean on) {
		crossChecking = on;
	}

	/** The differences found while cross-checking, oldest first; clears them. */
	static List<String> mismatches() {
		List<String> found = new ArrayList<>();
		for (String mismatch; (mismatch = MISMATCHES.poll()) != null;) {
			found.add(mismatch);
		}
		return found;
	}

	private static void crossCheck(int line) {
		int walked = Math.max(0, walk());
		if (walked != line) {
			String frame = WALKER.walk(frames -> frames.filter(SourceLines::isScenarioCode)
				.findFirst()
				.map(Object::toString)
				.orElse("no frame of scenario code"));
			MISMATCHES.add("thread " + Thread.currentThread().getName() + ": line " + line + " kept, " + walked
					+ " on the stack (" + frame + ")");
		}
	}

}
