package org.threadlab.multiprocessing;

import java.util.Optional;

import org.threadlab.run.ScenarioCode;

/**
 * The program's {@code __main__} module, as a process started with spawn re-imports it: CPython's spawned
 * child imports the parent's main module (as {@code __mp_main__}) before it runs what it was sent, so a
 * pool's worker has the program's functions loaded before its first task comes. Here the main module
 * is the scenario's class: loading and initialising it in a worker is that import, part of the worker's
 * start. Stateless.
 */
public final class MainModule {

	private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	private MainModule() {
	}

	/** The class of scenario code calling in (the innermost on the stack), or null outside a scenario. */
	public static String ofCaller() {
		Optional<String> found = WALKER.walk(frames -> frames.map(f -> f.getDeclaringClass().getName())
			.filter(ScenarioCode::isScenarioClass)
			.findFirst());
		return found.orElse(null);
	}

	/** In a worker process: imports the main module, if there is one. */
	public static void importIn(String className) throws ClassNotFoundException {
		if (className != null) {
			Class.forName(className, true, MainModule.class.getClassLoader());
		}
	}

}
