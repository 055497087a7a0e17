package org.threadlab.process;

/**
 * Python's {@code os.getpid()} and {@code os.getppid()} for scenario code: the real ids of the OS process
 * the calling code runs in and of its parent. In a child process the parent is the process that
 * started it (the server, for the processes of a run). Stateless; safe from any thread.
 */
public final class Os {

	private Os() {
	}

	public static long getpid() {
		return ProcessHandle.current().pid();
	}

	/** The parent's pid; 0 when the OS does not tell it (Python's getppid never fails, nor does this). */
	public static long getppid() {
		return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
	}

}
