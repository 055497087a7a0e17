package org.threadlab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.threadlab.probe.Py;
import org.threadlab.probe.TracedThread;

/**
 * For {@link GilTest}, in a JVM of its own that the test pins to one core: how much CPU-bound work
 * {@value #THREADS} threads taking turns at a GIL get done, against one thread doing the same work alone
 * in another run at the same time, with {@value #BUSY} busy threads beside them, as a learner's lesson runs
 * among other learners' runs. Prints one line per round, {@code ratio <threads' work / one thread's>}.
 * Both measure the same moments of the same core, so the machine's load, whatever it is, weighs on both
 * alike; under the GIL the ratio is 1. Arguments: rounds, milliseconds per round.
 */
public final class GilShare {

	static final int THREADS = 3;

	static final int BUSY = 2;

	private GilShare() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = Integer.parseInt(args[0]);
		long windowMillis = Long.parseLong(args[1]);
		AtomicBoolean over = new AtomicBoolean();
		for (int i = 0; i < BUSY; i++) {
			Thread busy = new Thread(() -> spin(over), "busy-" + i);
			busy.setDaemon(true);
			busy.start();
		}
		for (int round = 0; round < rounds; round++) {
			AtomicLong alone = new AtomicLong();
			AtomicLong turns = new AtomicLong();
			AtomicBoolean stop = new AtomicBoolean();
			CountDownLatch go = new CountDownLatch(1);
			Run serial = gilRun();
			Run pool = gilRun();
			serial.start("main", () -> work(go, stop, alone));
			pool.start("main", () -> {
				List<TracedThread> threads = new ArrayList<>();
				for (int i = 0; i < THREADS; i++) {
					threads.add(new TracedThread("t" + i, false, () -> work(go, stop, turns)));
				}
				for (TracedThread t : threads) {
					t.start();
				}
				for (TracedThread t : threads) {
					t.join();
				}
			});
			go.countDown();
			TimeUnit.MILLISECONDS.sleep(windowMillis / 5); // both compiled and going
			long alone0 = alone.get();
			long turns0 = turns.get();
			TimeUnit.MILLISECONDS.sleep(windowMillis);
			double ratio = (double) (turns.get() - turns0) / Math.max(1, alone.get() - alone0);
			stop.set(true);
			serial.outcome().get(60, TimeUnit.SECONDS);
			pool.outcome().get(60, TimeUnit.SECONDS);
			System.out.println("ratio " + ratio);
		}
		over.set(true);
	}

	private static Run gilRun() {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 10_000);
		run.useGil(0.005, Gil.Mode.BACK_EDGES_AND_CALLS);
		return run;
	}

	private static void work(CountDownLatch go, AtomicBoolean stop, AtomicLong done) throws InterruptedException {
		go.await();
		while (!stop.get()) {
			fib(20);
			done.incrementAndGet();
		}
	}

	/** cpu-bound's fib: a switch point at every call. */
	static long fib(long n) throws InterruptedException {
		Py.backEdge();
		return n <= 2 ? 1 : fib(n - 1) + fib(n - 2);
	}

	private static void spin(AtomicBoolean over) {
		long x = 0;
		while (!over.get()) {
			x += System.nanoTime() & 7;
		}
		if (x == 42) {
			System.out.print("");
		}
	}

}
