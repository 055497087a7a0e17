package org.threadlab.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.threadlab.childjvm.ChildLauncher;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.testing.Trace;

/**
 * How long a process takes to start: from {@code start()} (its STARTING, recorded by the parent) to the
 * child's first event (its START, recorded by the child on the same monotonic clock), over
 * {@value #STARTS} starts after {@value #WARMUP} unrecorded ones, three ways: a spare ready (the
 * server's usual case), a JVM launched cold with the class-data archive (when the spares are used up),
 * and one launched cold without it (before the archive is made). A last column shows how long after its
 * main's EXIT the parent saw the process end (the exit itself costs nothing extra). A last row: how long
 * {@code os.fork()} takes, from its call to its return (the child standing at the fork point), over
 * {@value #FORKS} forks, each by a process that a run started from a forking spare (which keeps a spare of
 * its own for the fork).
 */
public final class ChildStartBenchmark {

	static final int STARTS = 60;

	static final int WARMUP = 5;

	static final int FORKS = 15;

	private ChildStartBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty(ChildLauncher.CLASS_PATH_PROPERTY, BenchMachine.ownClassFolders());
		System.out.printf("Child processes: from start() to the child's first event, %d starts after %d warm-up ones "
				+ "(%s)%n", STARTS, WARMUP, BenchMachine.loadAverage());
		System.out.printf("%-44s %9s %9s %9s %9s %20s%n", "", "median ms", "p95 ms", "best ms", "worst ms",
				"EXIT to ended (med)");
		ChildLauncher.configure(2, true);
		ChildLauncher.awaitArchive(Duration.ofMinutes(2));
		row("a spare ready (2 kept; the server keeps 3)", true);
		ChildLauncher.configure(0, true);
		row("launched cold, class-data archive", false);
		ChildLauncher.configure(0, false);
		row("launched cold, no archive", false);
		ChildLauncher.configure(2, true);
		forkRow();
		System.out.println();
	}

	/** os.fork() in a process of a run: from its call to its return, as the forking process measures it. */
	private static void forkRow() throws Exception {
		double[] forks = new double[FORKS];
		for (int i = -2; i < FORKS; i++) {
			// the first fork asks the server to keep a forking spare (a spare with a spare of its own)
			if (i >= 0 && !ChildLauncher.awaitSpare(Duration.ofSeconds(60), true)) {
				throw new IllegalStateException("no forking spare got ready within 60 s");
			}
			double measured = forkOnce();
			if (i >= 0) {
				forks[i] = measured;
			}
		}
		Arrays.sort(forks);
		System.out.printf("%-44s %9.1f %9.1f %9.1f %9.1f%n", "fork(): its call to its return, a spare ready", forks[FORKS / 2],
				forks[(int) Math.ceil(FORKS * 0.95) - 1], forks[0], forks[FORKS - 1]);
	}

	/** One run whose process forks once; how long its fork() took, in ms. */
	private static double forkOnce() throws Exception {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 1_000);
		run.start("main", () -> {
			org.threadlab.multiprocessing.Os.allowForking();
			PyProcess forker = new PyProcess(Targets.forkOnce());
			forker.start();
			forker.join();
		});
		Outcome outcome = run.outcome().get(60, TimeUnit.SECONDS);
		if (outcome.status() != Outcome.Status.COMPLETED) {
			throw new IllegalStateException("a benchmark run did not complete: " + outcome);
		}
		return Long.parseLong(Trace.of(run.recorder()).printsOf("Process-1").get(0)) / 1e6;
	}

	private static void row(String label, boolean waitForSpare) throws Exception {
		double[] starts = new double[STARTS];
		double[] exits = new double[STARTS];
		for (int i = -WARMUP; i < STARTS; i++) {
			if (waitForSpare && !ChildLauncher.awaitSpare(Duration.ofSeconds(30))) {
				throw new IllegalStateException("no spare got ready within 30 s");
			}
			double[] measured = startOne();
			if (i >= 0) {
				starts[i] = measured[0];
				exits[i] = measured[1];
			}
		}
		Arrays.sort(starts);
		Arrays.sort(exits);
		System.out.printf("%-44s %9.1f %9.1f %9.1f %9.1f %20.1f%n", label, starts[STARTS / 2],
				starts[(int) Math.ceil(STARTS * 0.95) - 1], starts[0], starts[STARTS - 1], exits[STARTS / 2]);
	}

	/** One run that starts one process doing nothing and joins it: {start ms, exit-to-ended ms}. */
	private static double[] startOne() throws Exception {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 1_000);
		run.start("main", () -> {
			PyProcess child = new PyProcess(Targets.nothing());
			child.start();
			child.join();
		});
		Outcome outcome = run.outcome().get(60, TimeUnit.SECONDS);
		if (outcome.status() != Outcome.Status.COMPLETED) {
			throw new IllegalStateException("a benchmark run did not complete: " + outcome);
		}
		Trace trace = Trace.of(run.recorder());
		Event starting = trace.first("Process-1", EventKind.STARTING);
		Event start = trace.first("Process-1", EventKind.START);
		Event exit = trace.first("Process-1", EventKind.EXIT);
		Event joined = trace.first("main", EventKind.JOINED);
		return new double[] { (start.timeNs() - starting.timeNs()) / 1e6, (joined.timeNs() - exit.timeNs()) / 1e6 };
	}

	/** The target, in a class of its own: a child loads the class that wrote the lambda, and this one needs nothing. */
	static final class Targets {

		static org.threadlab.multiprocessing.PyTarget nothing() {
			return () -> {
				// the child's first event is its START; this only ends it
			};
		}

		/** Forks once, and prints how long fork() took (ns); the forked child does nothing. */
		static org.threadlab.multiprocessing.PyTarget forkOnce() {
			return () -> {
				long asked = System.nanoTime();
				org.threadlab.multiprocessing.Os.fork(pid -> {
					// the child stands at the fork point: its parent's fork() has returned
				});
				org.threadlab.probe.Py.print(String.valueOf(System.nanoTime() - asked));
			};
		}

	}

}
