package org.threadlab.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.run.Gil;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.bench.LockedLoop;
import org.threadlab.scenario.gil.GilRaceScenario;
import org.threadlab.scenario.sync.LockCounterScenario;

/**
 * What the lessons of §GIL and §4.1 cost: lock-counter against gil-race at the tutorial's count, with the
 * GIL off and on, as a ratio; and what recording costs, the same loops drawn step by step against
 * quiet (every step through the hook, none recorded) against a plain Java loop. Median of 5 runs.
 */
public final class LockingBenchmark {

	private static final int ROUNDS = 5;

	private LockingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.out.println();
		System.out.println("Locking: n = 1,000,000 per thread, two threads, real milliseconds (median of " + ROUNDS + ")");
		System.out.printf("%-28s %14s %14s %10s%n", "", "gil-race", "lock-counter", "ratio");
		for (Gil.Mode mode : new Gil.Mode[] { null, Gil.Mode.BACK_EDGES_AND_CALLS, Gil.Mode.EVERY_BYTECODE }) {
			double race = median(() -> scenarioMillis(new GilRaceScenario(), 1_000_000, mode));
			double locked = median(() -> scenarioMillis(new LockCounterScenario(), 1_000_000, mode));
			System.out.printf("%-28s %14.1f %14.1f %9.1fx%n", mode == null ? "GIL off" : "GIL on, " + label(mode), race,
					locked, locked / race);
		}

		int n = 20_000;
		System.out.println();
		System.out.println("Recording: lock-counter, n = " + n + " per thread, GIL off, real milliseconds (median of "
				+ ROUNDS + ")");
		double plain = median(() -> plainJavaMillis(n));
		double quiet = median(() -> loopMillis(n, true));
		double drawn = median(() -> loopMillis(n, false));
		System.out.printf("%-44s %10.1f %9s%n", "plain Java loop (ReentrantLock, volatile)", plain, "1.0x");
		System.out.printf("%-44s %10.1f %9.1fx%n", "through the hook, quiet (nothing recorded)", quiet, quiet / plain);
		System.out.printf("%-44s %10.1f %9.1fx%n", "through the hook, every step recorded", drawn, drawn / plain);
	}

	private static String label(Gil.Mode mode) {
		return mode == Gil.Mode.EVERY_BYTECODE ? "every bytecode" : "back-edges";
	}

	private interface Timed {

		double millis() throws Exception;

	}

	private static double median(Timed timed) throws Exception {
		timed.millis(); // warm-up
		double[] runs = new double[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			runs[i] = timed.millis();
		}
		Arrays.sort(runs);
		return runs[ROUNDS / 2];
	}

	/** The scenario's whole run; with n above its drawing limit its loops run quiet. */
	private static double scenarioMillis(Scenario scenario, long n, Gil.Mode mode) throws Exception {
		Params params = Params.parse(scenario.parameters(), Map.of("n", n));
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 2_000_000);
		if (mode != null) {
			run.useGil(0.005, mode);
		}
		long start = System.nanoTime();
		run.start("main", () -> scenario.run(params));
		run.outcome().get(10, TimeUnit.MINUTES);
		return (System.nanoTime() - start) / 1e6;
	}

	/** lock-counter's loops through the hook, quiet or recording every step. */
	private static double loopMillis(long n, boolean quiet) throws Exception {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 2_000_000);
		long start = System.nanoTime();
		run.start("main", () -> LockedLoop.main(n, quiet));
		run.outcome().get(10, TimeUnit.MINUTES);
		return (System.nanoTime() - start) / 1e6;
	}

	/** The same two loops in plain Java: no hook, no events. */
	private static double plainJavaMillis(long n) throws Exception {
		ReentrantLock lock = new ReentrantLock();
		long[] total = new long[1];
		CyclicBarrier start = new CyclicBarrier(2);
		Runnable add = () -> loop(start, lock, total, n, +1);
		Runnable desc = () -> loop(start, lock, total, n, -1);
		long begin = System.nanoTime();
		Thread a = new Thread(add, "bench-plain-add");
		Thread b = new Thread(desc, "bench-plain-desc");
		a.start();
		b.start();
		a.join();
		b.join();
		if (total[0] != 0) {
			throw new IllegalStateException("the lock did not hold: " + total[0]);
		}
		return (System.nanoTime() - begin) / 1e6;
	}

	private static void loop(CyclicBarrier start, ReentrantLock lock, long[] total, long n, int delta) {
		try {
			start.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		for (long i = 0; i < n; i++) {
			lock.lock();
			try {
				total[0] += delta;
			}
			finally {
				lock.unlock();
			}
		}
	}

}
