package org.threadlab.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.threadlab.probe.TracedThread;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.Runs;

/** A process's threads share its pipes: one blocked reading must not keep another from writing. */
class FifoReadWhileWriteTest {

	@Test
	void aThreadWritesToTheQueueAnotherThreadOfItsProcessIsBlockedReading() throws Exception {
		List<Object> got = new CopyOnWriteArrayList<>();
		Runs.completing(() -> {
			ProcessQueue queue = new ProcessQueue("queue", 0);
			TracedThread reader = new TracedThread("reader", false, () -> got.add(queue.get()));
			reader.start();
			awaitBlockedReading("reader");
			queue.put("a"); // before the fix: blocked behind the reader's read, for ever
			reader.join();
		});
		assertThat(got).containsExactly("a");
	}

	/** Waits until the named run thread sits in a read of a pipe, in the kernel (at most half the run's minute). */
	private static void awaitBlockedReading(String actor) throws InterruptedException {
		Eventually.within(Duration.ofSeconds(30)).every(Duration.ofMillis(5))
			.until(actor + " to block reading its pipe", () -> blockedReading(actor));
	}

	private static boolean blockedReading(String actor) {
		return Thread.getAllStackTraces().entrySet().stream().anyMatch(entry -> entry.getKey().getName().endsWith("-" + actor)
				&& Arrays.stream(entry.getValue())
					.anyMatch(f -> f.getClassName().contains("FileChannelImpl") && f.getMethodName().equals("read")));
	}

}
