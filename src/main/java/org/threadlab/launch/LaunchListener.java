package org.threadlab.launch;

/**
 * Hears what becomes of a run request that was accepted. Called on the admission thread, in order:
 * any number of {@link #queued}, then at most one of {@link #started} or {@link #failed}; never after
 * the request was {@linkplain RunLauncher.Pending#cancel() cancelled} while it waited. Must not block.
 */
public interface LaunchListener {

	/** The run waits for room; its place in the queue, 1 = next. Called again when the place changes. */
	void queued(int position);

	/** The run has started. */
	void started(RunLauncher.Launched launched);

	/** It was admitted but could not start (the server could make no thread): nothing runs. */
	void failed(String message);

}
