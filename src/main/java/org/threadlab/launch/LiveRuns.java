package org.threadlab.launch;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threadlab.run.Run;

/**
 * The runs going now, so that a stopping server ends every one of them (SIGTERM, {@code docker stop})
 * and waits for their ends: a run's end is after its threads and child processes have ended and its
 * folder, with its named pipes and sockets, has been removed. So a server that stops leaves nothing on
 * disk and no process behind.
 * <p>
 * Thread-safety: any thread; the set is concurrent.
 */
final class LiveRuns {

	private static final Logger LOG = LoggerFactory.getLogger(LiveRuns.class);

	private final Set<Run> going = ConcurrentHashMap.newKeySet();

	void add(Run run) {
		going.add(run);
	}

	void remove(Run run) {
		going.remove(run);
	}

	int size() {
		return going.size();
	}

	/**
	 * Cancels every run going and waits up to {@code limit} for all of them to end.
	 * @return true if all ended in time
	 */
	boolean endAll(Duration limit) {
		if (going.isEmpty()) {
			return true;
		}
		CompletableFuture<?>[] ends = going.stream().map(run -> {
			run.cancel("the server is stopping");
			return run.outcome();
		}).toArray(CompletableFuture<?>[]::new);
		LOG.info("the server is stopping: ending {} run(s)", ends.length);
		try {
			CompletableFuture.allOf(ends).get(limit.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			LOG.warn("the server is stopping: {} run(s) did not end within {} s", going.size(), limit.toSeconds());
			return false;
		}
	}

}
