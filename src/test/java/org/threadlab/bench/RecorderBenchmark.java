package org.threadlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.event.Recorder;
import org.threadlab.probe.TracedThread;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.scenario.bench.HookLoop;

/**
 * What recording costs a worker: events per second and nanoseconds per event, from 1 and from 2
 * threads recording at once into one run's recorder (the target: at most 100 ns per event per thread).
 * Each round records {@value #EVENTS_PER_THREAD} events per thread into a fresh recorder; the first
 * {@value #WARMUP_ROUNDS} rounds warm the JIT and are not counted; the median of the next
 * {@value #MEASURED_ROUNDS} is printed, with the best and worst. The last rows show the whole path a probe
 * step takes through the run's hook, with its source line (the target: at most 300 ns per step per thread).
 */
public final class RecorderBenchmark {

	static final int EVENTS_PER_THREAD = 2_000_000;

	static final int WARMUP_ROUNDS = 5;

	static final int MEASURED_ROUNDS = 10;

	/** Values as a scenario records them: small numbers, boxed once (boxing is the caller's cost, not the recorder's). */
	private static final Long[] VALUES = java.util.stream.LongStream.range(0, 128).boxed().toArray(Long[]::new);

	private RecorderBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.out.println("Recorder: " + EVENTS_PER_THREAD + " events per thread per round, median of "
				+ MEASURED_ROUNDS + " rounds after " + WARMUP_ROUNDS + " warm-up rounds");
		System.out.printf("%-44s %16s %22s %22s%n", "", "events/s (all)", "ns/event/thread (med)",
				"ns/event/thread (best-worst)");
		for (int threads : new int[] { 1, 2 }) {
			double[] nsPerEvent = new double[MEASURED_ROUNDS];
			double[] eventsPerSecond = new double[MEASURED_ROUNDS];
			for (int round = -WARMUP_ROUNDS; round < MEASURED_ROUNDS; round++) {
				Result result = recordRound(threads);
				if (round >= 0) {
					nsPerEvent[round] = result.nsPerEventPerThread;
					eventsPerSecond[round] = result.eventsPerSecond;
				}
			}
			print(threads + " recording thread" + (threads > 1 ? "s" : ""), eventsPerSecond, nsPerEvent);
		}
		hookRows();
	}

	private record Result(double nsPerEventPerThread, double eventsPerSecond) {
	}

	private static Result recordRound(int threads) throws Exception {
		Recorder recorder = new Recorder((long) threads * EVENTS_PER_THREAD);
		System.gc();
		CyclicBarrier start = new CyclicBarrier(threads + 1);
		long[] elapsed = new long[threads];
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int actor = t;
			Thread worker = new Thread(() -> {
				try {
					start.await(30, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				long begin = System.nanoTime();
				for (int i = 0; i < EVENTS_PER_THREAD; i++) {
					recorder.record(i, actor, EventKind.WRITE, "total", VALUES[i & 127], 12, Event.NO_CAUSE);
				}
				elapsed[actor] = System.nanoTime() - begin;
			}, "bench-recorder-" + t);
			workers.add(worker);
			worker.start();
		}
		long wallStart = System.nanoTime();
		start.await(30, TimeUnit.SECONDS);
		for (Thread worker : workers) {
			worker.join();
		}
		long wall = System.nanoTime() - wallStart;
		if (recorder.claimed() != (long) threads * EVENTS_PER_THREAD || recorder.dropped() != 0) {
			throw new IllegalStateException("events went missing");
		}
		double perThread = Arrays.stream(elapsed).average().orElseThrow() / EVENTS_PER_THREAD;
		return new Result(perThread, threads * (double) EVENTS_PER_THREAD / (wall / 1e9));
	}

	/**
	 * The whole path of a probe step through the run's hook, from scenario code: the gate check, the GIL's
	 * switch point, the run's clock, the caller's source line and the recorder. From 1 thread (GIL off and
	 * on: nobody else wants it, so it stays put) and from 2 threads at once (GIL off: they run in parallel).
	 */
	private static void hookRows() throws Exception {
		hookRow("whole hook with its line, 1 thread", 1, false);
		hookRow("whole hook with its line, 1 thread, GIL on", 1, true);
		hookRow("whole hook with its line, 2 threads", 2, false);
	}

	private static void hookRow(String label, int threads, boolean gil) throws Exception {
		int steps = 200_000;
		double[] nsPerEvent = new double[MEASURED_ROUNDS];
		double[] eventsPerSecond = new double[MEASURED_ROUNDS];
		for (int round = -WARMUP_ROUNDS; round < MEASURED_ROUNDS; round++) {
			Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), (long) threads * steps + 64);
			if (gil) {
				run.useGil(0.005, Gil.Mode.BACK_EDGES_AND_CALLS);
			}
			long[] elapsed = new long[threads];
			CyclicBarrier together = new CyclicBarrier(threads);
			// as a lesson does it: main makes the threads one after the other, starts them, joins them
			run.start("main", () -> {
				List<TracedThread> workers = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					int index = t;
					workers.add(new TracedThread("worker-" + t, false,
							() -> elapsed[index] = HookLoop.run(steps, together)));
				}
				for (TracedThread worker : workers) {
					worker.start();
				}
				for (TracedThread worker : workers) {
					worker.join();
				}
			});
			Outcome outcome = run.outcome().get(60, TimeUnit.SECONDS);
			if (outcome.status() != Outcome.Status.COMPLETED || run.recorder().dropped() != 0) {
				throw new IllegalStateException("the hook's round went wrong: " + outcome);
			}
			if (round >= 0) {
				nsPerEvent[round] = Arrays.stream(elapsed).average().orElseThrow() / steps;
				eventsPerSecond[round] = threads * 1e9 / nsPerEvent[round];
			}
		}
		print(label, eventsPerSecond, nsPerEvent);
	}

	private static void print(String label, double[] eventsPerSecond, double[] nsPerEvent) {
		double[] ns = nsPerEvent.clone();
		Arrays.sort(ns);
		double[] rate = eventsPerSecond.clone();
		Arrays.sort(rate);
		System.out.printf("%-44s %16s %22.1f %22s%n", label, String.format("%,.0f", rate[rate.length / 2]),
				ns[ns.length / 2], String.format("%.1f-%.1f", ns[0], ns[ns.length - 1]));
	}

}
