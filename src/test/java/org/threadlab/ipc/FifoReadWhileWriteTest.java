package org.threadlab.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.threadlab.probe.TracedThread;
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

	/** Waits until the named run thread sits in a read of a pipe, in the kernel. */
	private static void awaitBlockedReading(String actor) throws InterruptedException {
		while (true) {
			for (var entry : Thread.getAllStackTraces().entrySet()) {
				if (entry.getKey().getName().endsWith("-" + actor) && Arrays.stream(entry.getValue())
					.anyMatch(f -> f.getClassName().contains("FileChannelImpl") && f.getMethodName().equals("read"))) {
					return;
				}
			}
			Thread.sleep(5);
		}
	}

}
