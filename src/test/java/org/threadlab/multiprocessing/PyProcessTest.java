package org.threadlab.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.threadlab.event.EventKind.EXIT;
import static org.threadlab.event.EventKind.JOIN;
import static org.threadlab.event.EventKind.JOINED;
import static org.threadlab.event.EventKind.PRINT;
import static org.threadlab.event.EventKind.SIGNAL;
import static org.threadlab.event.EventKind.SLEEP;
import static org.threadlab.event.EventKind.SPAWN;
import static org.threadlab.event.EventKind.START;
import static org.threadlab.event.EventKind.STARTING;
import static org.threadlab.event.EventKind.WAKE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.probe.Py;
import org.threadlab.builtins.PyException;
import org.threadlab.run.Actor;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunBody;
import org.threadlab.run.RunClock;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.OsProcesses;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §6.4 on real child JVMs: multiprocessing.Process as CPython's behaves, told by the recorded events. */
class PyProcessTest {

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).isEmpty();
	}

	private static Trace run(double speed, RunBody main) throws Exception {
		return Runs.completing(speed, null, main);
	}

	@Test
	void aProcessStartingBesideASleepTakesItsRealTimeAndTheSleepStillSpansItsSeconds() throws Exception {
		// Lesson time runs fast only while nothing but timers is under way: a JVM starting beside a sleep
		// is machinery, drawn as the real time it takes, never multiplied by the speed, while the sleep
		// spans its lesson seconds exactly (it simply lasts longer in real time).
		java.util.concurrent.atomic.AtomicLong asked = new java.util.concurrent.atomic.AtomicLong();
		Trace trace = run(5, () -> {
			var sleeper = new org.threadlab.probe.TracedThread("sleeper", false, () -> Py.sleep(2));
			sleeper.start();
			PyProcess child = new PyProcess(Programs.tellNanoTime());
			asked.set(System.nanoTime());
			child.start();
			child.join();
			sleeper.join();
		});
		Event starting = trace.first("Process-1", STARTING);
		Event began = trace.first("Process-1", PRINT);
		double realMs = (Long.parseLong((String) began.value()) - asked.get()) / 1e6;
		double lessonMs = (began.timeNs() - starting.timeNs()) / 1e6;
		// the print is recorded once it has crossed the pipe back, a little after the child stamped it: allow
		// that trip, but stay far below the five times the start would be drawn if it were scaled
		assertThat(lessonMs).as("the start took %.1f real ms; at speed 5 it would be drawn 5 times as long", realMs)
			.isLessThanOrEqualTo(realMs * 1.5 + 25);
		double slept = (trace.first("sleeper", WAKE).timeNs() - trace.first("sleeper", SLEEP).timeNs()) / 1e9;
		assertThat(slept).as("the sleep spans its 2 lesson seconds").isBetween(2.0, 2.05);
	}

	@Test
	void pidIsNoneBeforeStartAndTheChildsOwnPidAfter() throws Exception {
		List<Object> seen = new ArrayList<>();
		Trace trace = run(10, () -> {
			PyProcess progress = new PyProcess(Programs.getHtml(2));
			seen.add(progress.pid());
			seen.add(progress.exitcode());
			progress.start();
			seen.add(progress.pid());
			progress.join();
			seen.add(progress.exitcode());
			seen.add(progress.isAlive());
		});
		assertThat(seen.get(0)).as("pid before start").isNull();
		assertThat(seen.get(1)).as("exitcode before start").isNull();
		long pid = (Long) seen.get(2);
		assertThat(pid).as("a real process of its own").isPositive().isNotEqualTo(ProcessHandle.current().pid());
		assertThat(seen.subList(3, 5)).containsExactly(0, false);

		ActorInfo process = trace.actor("Process-1");
		assertThat(process.type()).isEqualTo(ActorInfo.Type.PROCESS);
		assertThat(trace.kindsOf("Process-1")).containsExactly(SPAWN, STARTING, START, SLEEP, WAKE, PRINT, EXIT);
		assertThat(trace.first("Process-1", START).value()).as("its first step tells its pid").isEqualTo(pid);
		assertThat(trace.printsOf("Process-1")).containsExactly("sub_progress success");
		double slept = (trace.first("Process-1", WAKE).timeNs() - trace.first("Process-1", SLEEP).timeNs()) / 1e9;
		assertThat(slept).as("the child's 2 s sleep spans 2 s of lesson time, at speed 10 too").isBetween(1.9, 3.0);
		Event joined = trace.first("main", JOINED);
		assertThat(joined.value()).isEqualTo("exit code 0");
		assertThat(joined.cause()).isEqualTo(trace.first("Process-1", EXIT).seq());
	}

	@Test
	void itsStartIsDrawnFromTheAskToItsFirstStep() throws Exception {
		Trace trace = run(10, () -> {
			PyProcess progress = new PyProcess(Programs.getHtml(0.1));
			progress.start();
			progress.join();
		});
		Event starting = trace.first("Process-1", STARTING);
		Event start = trace.first("Process-1", START);
		assertThat(start.timeNs()).isGreaterThan(starting.timeNs());
		@SuppressWarnings("unchecked")
		Map<String, Object> how = (Map<String, Object>) starting.value();
		assertThat(how).containsKey("spare");
		if (Boolean.TRUE.equals(how.get("spare"))) {
			assertThat((Long) how.get("launchedAgoNs")).as("a spare was started before it was asked for").isPositive();
		}
	}

	@Test
	void aChildKnowsItsPidAndItsParentIsTheServer() throws Exception {
		AtomicReference<Long> pid = new AtomicReference<>();
		Trace trace = run(10, () -> {
			PyProcess child = new PyProcess(Programs.tellIds());
			child.start();
			pid.set(child.pid());
			child.join();
		});
		assertThat(trace.printsOf("Process-1"))
			.containsExactly("pid " + pid.get() + " ppid " + ProcessHandle.current().pid() + " self.pid " + pid.get());
	}

	@Test
	void aChildSharesItsRunsFolderWhereWhatCrossesBetweenProcessesLives() throws Exception {
		AtomicReference<String> folder = new AtomicReference<>();
		Trace trace = run(10, () -> {
			folder.set(Actor.current().run().folder().toString());
			PyProcess child = new PyProcess(Programs.tellFolder());
			child.start();
			child.join();
		});
		assertThat(trace.printsOf("Process-1")).containsExactly(folder.get());
	}

	@Test
	void anExceptionInTheChildPrintsPythonsTracebackAndExitsWithOne() throws Exception {
		AtomicReference<Integer> exitcode = new AtomicReference<>();
		Trace trace = run(10, () -> {
			PyProcess child = new PyProcess(Programs.raiseValueError());
			child.start();
			child.join();
			exitcode.set(child.exitcode());
		});
		assertThat(exitcode.get()).isEqualTo(1);
		List<String> stderr = trace.of("Process-1")
			.stream()
			.filter(e -> e.kind() == PRINT && "stderr".equals(e.object()))
			.map(e -> (String) e.value())
			.toList();
		assertThat(stderr.get(0)).isEqualTo("Process Process-1:");
		assertThat(stderr.get(1)).isEqualTo("Traceback (most recent call last):");
		assertThat(stderr).anyMatch(line -> line.startsWith("  File \"Programs.java\", line ")
				&& line.endsWith(", in failWithValueError"));
		assertThat(stderr.get(stderr.size() - 1)).isEqualTo("ValueError: boom");
		assertThat(trace.first("Process-1", EXIT).value()).isEqualTo("error: ValueError: boom");
		assertThat(trace.first("main", JOINED).value()).isEqualTo("exit code 1");
	}

	@Test
	void terminateSendsSigtermAndKillSigkillAndTheirExitCodesAreMinusTheSignal() throws Exception {
		List<Object> seen = new ArrayList<>();
		Trace trace = run(1, () -> {
			PyProcess terminated = new PyProcess(Programs.sleepForever());
			PyProcess killed = new PyProcess(Programs.sleepForever());
			terminated.start();
			killed.start();
			terminated.terminate();
			killed.kill();
			terminated.join();
			killed.join();
			seen.add(terminated.exitcode());
			seen.add(killed.exitcode());
			seen.add(terminated.isAlive());
		});
		assertThat(seen).containsExactly(-15, -9, false);
		Event sigterm = trace.first("main", SIGNAL, e -> "Process-1".equals(e.object()));
		Event sigkill = trace.first("main", SIGNAL, e -> "Process-2".equals(e.object()));
		assertThat(sigterm.value()).isEqualTo("SIGTERM");
		assertThat(sigkill.value()).isEqualTo("SIGKILL");
		assertThat(trace.first("Process-1", EXIT).value()).isEqualTo("killed (exit code -15)");
		assertThat(trace.first("Process-1", EXIT).cause()).as("its end is linked to the signal").isEqualTo(sigterm.seq());
		assertThat(trace.first("Process-2", EXIT).value()).isEqualTo("killed (exit code -9)");
		assertThat(trace.first("Process-2", EXIT).cause()).isEqualTo(sigkill.seq());
	}

	@Test
	void joinWithATimeoutReturnsWhileTheProcessStillRuns() throws Exception {
		List<Object> seen = new ArrayList<>();
		Trace trace = run(10, () -> {
			PyProcess child = new PyProcess(Programs.sleepForever());
			child.start();
			child.join(1);
			seen.add(child.isAlive());
			seen.add(child.exitcode());
			child.terminate();
			child.join();
		});
		assertThat(seen).containsExactly(true, null);
		assertThat(trace.first("main", JOINED).value()).isEqualTo("timed out");
	}

	@Test
	void atTheEndOfMainDaemonicProcessesAreTerminatedAndTheOthersJoined() throws Exception {
		Trace trace = run(10, () -> {
			new PyProcess(null, true, Programs.sleepForever()).start();
			new PyProcess(Programs.getHtml(1)).start();
			Py.print("main ends");
		});
		assertThat(trace.actor("Process-1").daemon()).isTrue();
		Event sigterm = trace.first("main", SIGNAL);
		assertThat(sigterm.object()).isEqualTo("Process-1");
		assertThat(sigterm.timeNs()).as("after main's last line").isGreaterThan(trace.first("main", PRINT).timeNs());
		assertThat(trace.first("Process-1", EXIT).value()).isEqualTo("killed (exit code -15)");
		Event joined = trace.first("main", JOINED, e -> "Process-2".equals(e.object()));
		assertThat(joined.value()).isEqualTo("exit code 0");
		assertThat(trace.printsOf("Process-2")).containsExactly("sub_progress success");
		assertThat(trace.kindsOf("main")).containsSubsequence(PRINT, SIGNAL, JOIN, JOINED, EXIT);
	}

	@Test
	void processesAreNumberedPerRunLikeCpythonsCounter() throws Exception {
		for (int i = 0; i < 2; i++) {
			Trace trace = run(10, () -> {
				new PyProcess(Programs.getHtml(1));
				new PyProcess("worker", Programs.getHtml(1)); // a name given still takes a number
				new PyProcess(Programs.getHtml(1));
			});
			assertThat(trace.actors().keySet()).containsExactly("main", "Process-1", "worker", "Process-3");
		}
	}

	@Test
	void theSubclassFormRunsItsOwnRunWithItsOwnFields() throws Exception {
		Trace trace = run(10, () -> {
			PyProcess child = new Programs.GetHtml(0.5);
			child.start();
			child.join();
		});
		// as CPython names a subclass's processes: after their class
		assertThat(trace.printsOf("GetHtml-1")).containsExactly("subclass slept 0.5");
		assertThat(trace.first("GetHtml-1", SLEEP).value()).isEqualTo(0.5);
	}

	@Test
	void aTargetThatCannotBePickledRefusesToStartAndNothingStarts() throws Exception {
		List<Object> seen = new ArrayList<>();
		Trace trace = run(10, () -> {
			PyProcess child = new PyProcess(Programs.holding(new Object()));
			try {
				child.start();
			}
			catch (PyException refused) {
				seen.add(refused.describe());
			}
			seen.add(child.pid());
		});
		assertThat(seen).containsExactly("_pickle.PicklingError: Can't pickle java.lang.Object", null);
		assertThat(trace.kindsOf("Process-1")).containsExactly(SPAWN);
	}

	@Test
	void startingTwiceOrJoiningBeforeStartIsRefusedAsInPython() throws Exception {
		List<String> refusals = new ArrayList<>();
		run(10, () -> {
			PyProcess child = new PyProcess(Programs.getHtml(0.1));
			assertThatThrownBy(child::join).hasMessage("can only join a started process");
			child.start();
			assertThatThrownBy(child::start).hasMessage("cannot start a process twice");
			child.join();
			refusals.add("checked");
		});
		assertThat(refusals).containsExactly("checked");
	}

	@Test
	void theChildsThreadsAndObjectsCrossThePipeAsTheyAre() throws Exception {
		AtomicReference<Long> pid = new AtomicReference<>();
		Trace trace = run(10, () -> {
			PyProcess child = new PyProcess(Programs.lockAndThread());
			child.start();
			pid.set(child.pid());
			child.join();
		});
		ActorInfo worker = trace.actor("Thread-1 (work)");
		assertThat(worker.pid()).isEqualTo(pid.get());
		assertThat(worker.parent()).isEqualTo(trace.actor("Process-1").id());
		assertThat(trace.printsOf("Thread-1 (work)")).containsExactly("worker has the lock");
		Event created = trace.events().stream().filter(e -> "child lock".equals(e.object())).findFirst().orElseThrow();
		assertThat(created.value()).isEqualTo(Map.of("type", "lock", "size", 1L));
	}

	@Test
	void linesThatAreNotEventsAreSkippedAndThePipeIsReadToItsEnd() throws Exception {
		Trace trace = run(10, () -> {
			PyProcess child = new PyProcess("noisy", Programs.noisy());
			child.start();
			child.join();
		});
		assertThat(trace.printsOf("noisy")).containsExactly("still heard");
		assertThat(trace.first("noisy", EXIT).value()).isNull();
		assertThat(trace.first("main", JOINED).value()).isEqualTo("exit code 0");
	}

	@Test
	void aCancelledRunLeavesNoChildBehind() throws Exception {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 10_000);
		AtomicReference<Long> pid = new AtomicReference<>();
		run.start("main", () -> {
			PyProcess child = new PyProcess(Programs.sleepForever());
			child.start();
			pid.set(child.pid());
			child.join();
		});
		Eventually.within(Duration.ofSeconds(30))
			.until("the child's sleep", () -> Trace.of(run.recorder()).events().stream().anyMatch(e -> e.kind() == SLEEP));
		run.cancel();
		Outcome outcome = run.outcome().get(30, TimeUnit.SECONDS);
		assertThat(outcome.status()).isEqualTo(Outcome.Status.CANCELLED);
		assertThat(OsProcesses.isRunning(pid.get())).as("the child ended with its run").isFalse();
		Trace trace = Trace.of(run.recorder());
		assertThat(trace.first("Process-1", EXIT).value()).asString().startsWith("killed (exit code -15)");
	}

}
