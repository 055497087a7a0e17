package org.threadlab.childjvm;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.threadlab.run.ChildGate;
import org.threadlab.run.ClockSegment;
import org.threadlab.run.RunClock;

/**
 * In a child JVM: what its parent says on the command pipe ({@link ChildCommands} writes it), applied to
 * the process's run: each new segment of the run's lesson time to its clock, which follows the parent's,
 * and the learner's pause, resume and steps to its {@link ChildGate}. The first word, {@code SYNC}, comes
 * before the run may start: lesson time and the pause as they are then.
 * <p>
 * Thread-safety: {@link #accept} from the one thread reading the pipe; {@link #awaitSync} from any.
 */
final class ParentCommands {

	private final RunClock clock;

	private final ChildGate gate;

	private final CountDownLatch synced = new CountDownLatch(1);

	ParentCommands(RunClock clock, ChildGate gate) {
		this.clock = clock;
		this.gate = gate;
	}

	/** One line from the parent; what is not understood is ignored. */
	void accept(String line) {
		String[] f = line.split("\t", -1);
		switch (f[0]) {
			case "SYNC" -> {
				clock.follow(segment(f));
				gate.paused(Boolean.parseBoolean(f[6]));
				synced.countDown();
			}
			case "CLOCK" -> clock.follow(segment(f));
			case "PAUSE" -> gate.paused(true);
			case "RESUME" -> gate.paused(false);
			case "STEP" -> gate.step(Long.parseLong(f[1]));
			default -> System.err.println("threadlab child: not a command from the parent: " + line);
		}
	}

	/** Waits for the parent's first word; false if it did not come in time (the run goes on as it can). */
	boolean awaitSync(long millis) throws InterruptedException {
		return synced.await(millis, TimeUnit.MILLISECONDS);
	}

	private static ClockSegment segment(String[] f) {
		return new ClockSegment(Long.parseLong(f[1]), Boolean.parseBoolean(f[2]), Long.parseLong(f[3]),
				Long.parseLong(f[4]), Long.parseLong(f[5]));
	}

}
