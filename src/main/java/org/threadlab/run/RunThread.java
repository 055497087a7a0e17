package org.threadlab.run;

/**
 * A thread of a run that plays an actor. It carries the line of scenario code it is calling from
 * ({@link Lines}), where reading it costs a field load instead of a thread-local lookup.
 * Thread-safety: {@link #line} is written and read by this thread only.
 */
final class RunThread extends Thread {

	int line;

	RunThread(Runnable body, String name) {
		super(body, name);
	}

}
