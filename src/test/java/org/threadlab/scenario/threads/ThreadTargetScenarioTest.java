package org.threadlab.scenario.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.EXIT;
import static org.threadlab.event.EventKind.JOIN;
import static org.threadlab.event.EventKind.JOINED;
import static org.threadlab.event.EventKind.PRINT;
import static org.threadlab.event.EventKind.SLEEP;
import static org.threadlab.event.EventKind.SPAWN;
import static org.threadlab.event.EventKind.START;
import static org.threadlab.event.EventKind.WAKE;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.run.Gil;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §2.1 on real threads, run without the web: what the learner must see is what the trace holds. */
class ThreadTargetScenarioTest {

	private static final String HTML = "Thread-1 (get_detail_html)";

	private static final String URL = "Thread-2 (get_detail_url)";

	private static final double SPEED = 10;

	private final ThreadTargetScenario scenario = new ThreadTargetScenario();

	@AfterEach
	void nothingIsLeftRunning() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.childProcesses()).isEmpty();
	}

	private Trace run(Map<String, ?> values) throws Exception {
		return run(values, SPEED, false);
	}

	private Trace run(Map<String, ?> values, double speed, boolean gil) throws Exception {
		Runs runs = Runs.of(scenario).speed(speed);
		if (gil) {
			runs.gil(Gil.Mode.BACK_EDGES_AND_CALLS, 0.005);
		}
		return runs.completing(values);
	}

	@Test
	void eachWorkerSpawnsStartsSleepsWakesAndExits() throws Exception {
		Trace trace = run(Map.of());
		for (String worker : new String[] { HTML, URL }) {
			assertThat(trace.kindsOf(worker)).containsExactly(SPAWN, START, PRINT, SLEEP, WAKE, PRINT, EXIT);
		}
		assertThat(trace.printsOf(HTML)).containsExactly("get detail html started", "get detail html end");
		assertThat(trace.first(HTML, SLEEP).value()).isEqualTo(2.0);
		assertThat(trace.first(URL, SLEEP).value()).isEqualTo(4.0);
	}

	@Test
	void bothThreadsSleepAtOnceSoMainWaitsForTheLongestNotTheSum() throws Exception {
		Trace trace = run(Map.of());
		// the second sleep begins before the first one ends: they overlap
		assertThat(trace.first(URL, SLEEP).timeNs()).isLessThan(trace.first(HTML, WAKE).timeNs());

		Event joinedUrl = trace.first("main", JOINED, e -> URL.equals(e.object()));
		Event urlExit = trace.first(URL, EXIT);
		assertThat(joinedUrl.cause()).as("the join returns because of the thread's EXIT").isEqualTo(urlExit.seq());
		assertThat(joinedUrl.timeNs()).isGreaterThanOrEqualTo(urlExit.timeNs());
		assertThat(trace.kindsOf("main")).containsSubsequence(JOIN, JOINED, JOIN, JOINED, PRINT, EXIT);

		double elapsed = tutorialSeconds(trace.first("main", EXIT).timeNs() - trace.first(HTML, START).timeNs());
		assertThat(elapsed).as("elapsed ≈ max(2, 4), well under 2 + 4").isBetween(4.0, 5.0);
	}

	@Test
	void withoutJoinMainEndsFirstButTheProcessStillWaitsForItsThreads() throws Exception {
		// at speed 2 the url thread sleeps 2 real seconds: main ends long before, however loaded the machine
		// (at speed 10, 0.4 s, a stalled main once found the thread already ended and had nothing to join)
		Trace trace = run(Map.of("join", false), 2, false);
		assertThat(trace.printsOf("main").get(0)).startsWith("last time: 0.");
		// Python's interpreter joins non-daemon threads at exit, and so does the run
		Event atExit = trace.first("main", JOINED, e -> URL.equals(e.object()));
		assertThat(atExit.cause()).isEqualTo(trace.first(URL, EXIT).seq());
		assertThat(trace.printsOf(URL)).contains("get detail url end");
	}

	@Test
	void daemonThreadsRunInARealChildProcessAndAreCutOffWhenItsMainEnds() throws Exception {
		// at the tutorial's speed the daemons sleep 2 and 4 s, far longer than main lives, however loaded
		// the machine: the run still ends at once, with main
		Trace trace = run(Map.of("daemon", true, "join", false), 1, true);
		ActorInfo script = trace.actor("main");
		assertThat(script.type()).isEqualTo(ActorInfo.Type.PROCESS);
		long pid = trace.pidOf("main");
		assertThat(pid).as("a real process of its own").isNotEqualTo(ProcessHandle.current().pid()).isPositive();
		assertThat(trace.actor(HTML).pid()).isEqualTo(pid);
		assertThat(trace.actor(HTML).daemon()).isTrue();

		for (String worker : new String[] { HTML, URL }) {
			assertThat(trace.first(worker, EXIT).value()).isEqualTo("cut off");
			assertThat(trace.kindsOf(worker)).doesNotContain(WAKE);
			assertThat(trace.first(worker, EXIT).timeNs()).isGreaterThanOrEqualTo(trace.first("main", EXIT).timeNs());
		}
		assertThat(trace.allPrints()).doesNotContain("get detail html end", "get detail url end");
		assertThat(trace.first("launcher", JOINED).value()).isEqualTo("exit code 0");
	}

	@Test
	void underTheGilEachNewThreadRunsBeforeItsStartReturnsInEveryRun() throws Exception {
		// CPython's start() waits until the new thread runs; the new thread keeps the GIL until it sleeps
		for (int i = 0; i < 10; i++) {
			Trace trace = run(Map.of("join", false), 10, true);
			List<String> prints = trace.allPrints();
			String lastTime = trace.printsOf("main").get(0);
			assertThat(prints).as("run %d", i).containsSubsequence("get detail html started", "get detail url started", lastTime);
		}
	}

	@Test
	void aSleepSpansItsSecondsAtEverySpeed() throws Exception {
		for (double speed : new double[] { 1, 20 }) {
			Trace trace = run(Map.of("htmlSeconds", 0.5, "urlSeconds", 0.5), speed, true);
			for (String worker : new String[] { HTML, URL }) {
				double slept = tutorialSeconds(trace.first(worker, WAKE).timeNs() - trace.first(worker, SLEEP).timeNs());
				// the sleep, plus the real moments its thread takes to wake up (more on a loaded machine), never times the speed
				assertThat(slept).as("%s at speed %s", worker, speed).isBetween(0.5, 0.75);
			}
		}
	}

	@Test
	void aDaemonNeverRunsALineAfterItsProcessesMainHasEnded() throws Exception {
		// At speed 100 the daemons wake a few ms after main ends: none may run on, nor take the GIL (in
		// CPython the finalizing main keeps it), with the GIL off or on.
		for (int i = 0; i < 8; i++) {
			Trace trace = run(Map.of("daemon", true, "join", false, "htmlSeconds", 0.5, "urlSeconds", 1), 100, i % 2 == 1);
			long mainEnd = trace.first("main", EXIT).seq();
			for (String worker : new String[] { HTML, URL }) {
				Event exit = trace.first(worker, EXIT);
				boolean nothingAfter = trace.events()
					.stream()
					.filter(e -> e.actor() == trace.actor(worker).id() && e.kind() != EXIT)
					.allMatch(e -> e.seq() < mainEnd);
				assertThat(nothingAfter).as("nothing of %s after main's end, run %d", worker, i).isTrue();
				if (exit.seq() > mainEnd) {
					assertThat(exit.value()).as("ended after main: cut off, run %d", i).isEqualTo("cut off");
				}
			}
		}
	}

	@Test
	void atEverySpeedUpToAHundredTheDaemonsAreCutOffBeforeTheirEndLines() throws Exception {
		// As in CPython, main's end comes long before the daemons' 2 and 4 s sleeps, at every speed: while
		// the child's main runs and its process exits (real work, not the lesson's), lesson time is real
		// time, so their sleeps cannot end meanwhile, however fast the lesson's time runs otherwise.
		for (double speed : new double[] { 10, 50, 100 }) {
			for (int i = 0; i < 4; i++) {
				boolean gil = i % 2 == 1;
				Trace trace = run(Map.of("daemon", true, "join", false), speed, gil);
				assertThat(trace.allPrints()).as("speed %s, GIL %s, run %d", speed, gil, i)
					.doesNotContain("get detail html end", "get detail url end");
				for (String worker : new String[] { HTML, URL }) {
					assertThat(trace.first(worker, EXIT).value()).as("%s at speed %s", worker, speed).isEqualTo("cut off");
				}
			}
		}
	}

	/** Events carry lesson time: at any speed a sleep of s seconds spans s seconds of it. */
	private static double tutorialSeconds(long lessonNanos) {
		return lessonNanos / 1e9;
	}

}
