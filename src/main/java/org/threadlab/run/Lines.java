package org.threadlab.run;

/**
 * Where each thread stands in scenario code: the line of the call it is making, kept up to date by the
 * scenario code itself, so that the hook can put that line on an event without walking the stack.
 * <p>
 * Nobody calls this class by hand. The build ({@code src/build/java}, at Maven's
 * {@code process-classes}) rewrites every class of scenario code (the sub-packages of
 * {@code org.threadlab.scenario}) so that
 * <ul>
 * <li>every call instruction is preceded by {@code Lines.at(<its source line>)};</li>
 * <li>every method saves {@link #current()} when it starts and puts it back with {@link #at} when it
 * returns or throws.</li>
 * </ul>
 * So while a probe runs, the calling thread's line is the line of the innermost scenario frame on its
 * stack, the frame that called the probe; with no scenario frame on the stack it is 0. That is exactly
 * what a stack walk finds (see {@link SourceLines}), at the price of a field write per call.
 * <p>
 * Thread-safety: each thread reads and writes only its own line. A thread of a run ({@link RunThread})
 * keeps it in a field; any other thread (a child JVM's main thread, a web thread building a scenario)
 * in a thread-local.
 */
public final class Lines {

	/** The name of the class-file attribute with which the build marks the classes it rewrote. */
	public static final String STAMP = "org.threadlab.run.Lines:instrumented";

	/**
	 * The system property with which a parent tells a child JVM that runs on the parent's own classes
	 * whether they were rewritten ({@link #instrumented()}), so that the child need not look itself.
	 */
	public static final String INSTRUMENTED_PROPERTY = "threadlab.lines.instrumented";

	private static final ThreadLocal<int[]> OTHER_THREADS = ThreadLocal.withInitial(() -> new int[1]);

	private Lines() {
	}

	/** The calling thread is about to make a call on {@code line} of scenario code. */
	public static void at(int line) {
		if (Thread.currentThread() instanceof RunThread thread) {
			thread.line = line;
		}
		else {
			OTHER_THREADS.get()[0] = line;
		}
	}

	/**
	 * Whether every class of scenario code on this JVM's class path was rewritten by the build; if not,
	 * lines are found by walking the stack. Decided once, when first asked.
	 */
	public static boolean instrumented() {
		return SourceLines.instrumented();
	}

	/** The line of the call the calling thread is making from scenario code; 0 outside scenario code. */
	public static int current() {
		if (Thread.currentThread() instanceof RunThread thread) {
			return thread.line;
		}
		return OTHER_THREADS.get()[0];
	}

}
