package org.threadlab.cpython;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.threadlab.event.EventKind;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.Pythons;

/** A listing under real CPython: its lines with their lesson times, its end, and the limits of any run. */
class PythonRunTest {

	private static final PythonRun.Limits LIMITS = new PythonRun.Limits(60, 8, 100_000, 1.0);

	private final List<PythonRun.Line> lines = new CopyOnWriteArrayList<>();

	private PythonRun start(String program, double speed, PythonRun.Limits limits) throws Exception {
		return PythonRun.start(Pythons.interpreter(), program, speed, limits, lines::addAll);
	}

	private PythonRun.Result run(String program, double speed, PythonRun.Limits limits) throws Exception {
		return start(program, speed, limits).result().get(60, TimeUnit.SECONDS);
	}

	@Test
	void linesArriveWithTheirLessonTimeAndThreadWhileSleepsRunFaster() throws Exception {
		long began = System.nanoTime();
		PythonRun.Result result = run("""
				import threading, time
				def work():
				    time.sleep(2)
				    print("worker done")
				start = time.time()
				print("start")
				t = threading.Thread(target=work, name="worker")
				t.start()
				t.join()
				print("last time: {:.0f}".format(time.time() - start))
				""", 20, LIMITS);
		double realSeconds = (System.nanoTime() - began) / 1e9;
		assertThat(result.status()).as("%s", result).isEqualTo(PythonRun.Status.COMPLETED);
		assertThat(lines).extracting(PythonRun.Line::text).containsExactly("start", "worker done", "last time: 2");
		assertThat(lines).extracting(PythonRun.Line::thread).containsExactly("MainThread", "worker", "MainThread");
		assertThat(lines.get(1).t()).as("the sleep spans 2 lesson seconds").isBetween(2.0, 2.9);
		assertThat(result.elapsed()).isGreaterThanOrEqualTo(lines.get(2).t());
		assertThat(realSeconds).as("at speed 20 a 2 s sleep lasts 0.1 s").isLessThan(2.0);
	}

	@Test
	void aProgramWhoseThreadsAllWaitForEverHangsAndSaysWhere() throws Exception {
		PythonRun.Result result = run("""
				import threading
				a = threading.Lock()
				a.acquire()
				t = threading.Thread(target=a.acquire, name="T")
				t.start()
				t.join()
				""", 10, LIMITS);
		assertThat(result.status()).as("%s", result).isEqualTo(PythonRun.Status.HANG);
		assertThat(result.frames()).contains(new PythonRun.Frame("MainThread", 6), new PythonRun.Frame("T", 0));
	}

	@Test
	void anUncaughtExceptionFailsTheRunAndIsItsError() throws Exception {
		PythonRun.Result result = run("raise ValueError('page 2 failed')\n", 10, LIMITS);
		assertThat(result.status()).isEqualTo(PythonRun.Status.FAILED);
		assertThat(result.error()).isEqualTo("ValueError: page 2 failed");
		assertThat(lines).isNotEmpty().allMatch(l -> l.stream().equals("err"));
	}

	@Test
	void cancelEndsTheProgramAndEveryProcessItStarted() throws Exception {
		PythonRun run = start("""
				import os, subprocess, time
				child = subprocess.Popen(["sleep", "60"])
				if os.fork() == 0:
				    os.setsid()      # a child that leaves the process group too
				    time.sleep(60)
				    os._exit(0)
				print(child.pid, flush=True)
				time.sleep(60)
				""", 1, new PythonRun.Limits(60, 8, 100_000, 0));
		Eventually.within(Duration.ofSeconds(20)).until("the program's first line", () -> !lines.isEmpty());
		long child = Long.parseLong(lines.get(0).text().trim());
		assertThat(ProcessHandle.of(child)).isPresent();
		run.cancel();
		PythonRun.Result result = run.result().get(30, TimeUnit.SECONDS);
		assertThat(result.status()).isEqualTo(PythonRun.Status.CANCELLED);
		assertThat(alive(child)).as("its child").isFalse();
		assertThat(alive(run.pid())).as("itself").isFalse();
		assertThat(leftInGroup(run.pid())).as("nothing of its process group").isEmpty();
	}

	@Test
	void aProgramThatOutlivesItsTimeIsStopped() throws Exception {
		PythonRun.Result result = run("import time\ntime.sleep(100)\n", 1, new PythonRun.Limits(1, 8, 100_000, 0));
		assertThat(result.status()).isEqualTo(PythonRun.Status.CANCELLED);
		assertThat(result.error()).contains("after 1 s");
	}

	@Test
	void aProgramThatStartsTooManyProcessesIsStopped() throws Exception {
		PythonRun.Result result = run("""
				import subprocess, time
				children = [subprocess.Popen(["sleep", "30"]) for i in range(5)]
				time.sleep(30)
				""", 1, new PythonRun.Limits(60, 2, 100_000, 0));
		assertThat(result.status()).isEqualTo(PythonRun.Status.FAILED);
		assertThat(result.error()).contains("more than 2 processes");
	}

	@Test
	void aProgramThatPrintsTooMuchIsStopped() throws Exception {
		PythonRun.Result result = run("while True:\n    print('x' * 100)\n", 1, new PythonRun.Limits(60, 8, 10_000, 0));
		assertThat(result.status()).isEqualTo(PythonRun.Status.FAILED);
		assertThat(result.error()).contains("more than 10000 bytes");
		assertThat(lines.size()).isLessThanOrEqualTo(100);
	}

	@Test
	void theTraceArrivesBesideTheLinesAndDoesNotCountAsPrinted() throws Exception {
		List<TraceLine> trace = new CopyOnWriteArrayList<>();
		PythonRun.Result result = PythonRun.start(Pythons.interpreter(), """
				import threading
				lock = threading.Lock()
				for i in range(300):
				    with lock:
				        pass
				print("done")
				""", 10, new PythonRun.Limits(60, 8, 20, 0), lines::addAll, trace::addAll).result().get(60, TimeUnit.SECONDS);
		assertThat(result.status()).as("%s", result).isEqualTo(PythonRun.Status.COMPLETED);
		assertThat(lines).extracting(PythonRun.Line::text).containsExactly("done");
		assertThat(trace).filteredOn(PythonEvent.class::isInstance).map(PythonEvent.class::cast)
			.filteredOn(e -> e.kind() == EventKind.ACQUIRED).hasSize(300).allMatch(e -> e.object().equals("lock"));
	}

	@Test
	void aTraceLongerThanItsLimitIsCutAndSaysSo() throws Exception {
		List<TraceLine> trace = new CopyOnWriteArrayList<>();
		PythonRun.Result result = PythonRun.start(Pythons.interpreter(), """
				import threading
				lock = threading.Lock()
				for i in range(300):
				    with lock:
				        pass
				""", 10, new PythonRun.Limits(60, 8, 100, 0, 100), lines::addAll, trace::addAll).result().get(60, TimeUnit.SECONDS);
		assertThat(result.status()).isEqualTo(PythonRun.Status.COMPLETED);
		assertThat(trace).hasSizeLessThanOrEqualTo(102);
		assertThat(trace).filteredOn(TraceCut.class::isInstance).isNotEmpty();
	}

	@Test
	void aCancelledListingTakesItsTemporaryFilesWithIt() throws Exception {
		PythonRun run = start("""
				import multiprocessing, multiprocessing.util, time
				if __name__ == "__main__":
				    shared = multiprocessing.Manager().dict()
				    print(multiprocessing.util.get_temp_dir(), flush=True)
				    time.sleep(60)
				""", 1, new PythonRun.Limits(60, 8, 100_000, 0));
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (lines.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(lines).isNotEmpty();
		Path managers = Path.of(lines.get(0).text().trim());
		assertThat(managers).exists();
		assertThat(managers.getFileName().toString()).startsWith("pymp-");
		assertThat(managers.getParent().getParent().getFileName().toString()).startsWith("threadlab-listing-");
		run.cancel();
		assertThat(run.result().get(30, TimeUnit.SECONDS).status()).isEqualTo(PythonRun.Status.CANCELLED);
		assertThat(managers.getParent().getParent()).as("the listing's folder, its temporary folder in it").doesNotExist();
	}

	@Test
	void whatAForksOrphanPrintsAfterItsParentExitedStillArrives() throws Exception {
		for (int run = 0; run < 3; run++) {
			lines.clear();
			PythonRun.Result result = PythonRun.start(Pythons.interpreter(), """
					import os, time
					if os.fork() == 0:
					    time.sleep(1)
					    print("orphan, adopted")
					    print("orphan, done")
					else:
					    print("parent exits")
					""", 10, LIMITS, lines::addAll, trace -> {
					}).result().get(60, TimeUnit.SECONDS);
			assertThat(result.status()).isEqualTo(PythonRun.Status.COMPLETED);
			assertThat(lines).extracting(PythonRun.Line::text).as("run %d", run)
				.containsExactly("parent exits", "orphan, adopted", "orphan, done");
			assertThat(result.elapsed()).as("the program ends with its last process").isGreaterThanOrEqualTo(1.0);
		}
	}

	@Test
	void theListingReadsAnEmptyStandardInput() throws Exception {
		PythonRun.Result result = run("import sys\nprint(repr(sys.stdin.read()))\n", 10, LIMITS);
		assertThat(result.status()).isEqualTo(PythonRun.Status.COMPLETED);
		assertThat(lines).extracting(PythonRun.Line::text).containsExactly("''");
	}

	/** Whether a process still runs (a zombie no longer does), waiting up to five seconds for a kill to land. */
	static boolean alive(long pid) throws InterruptedException {
		return Eventually.within(Duration.ofSeconds(5)).last(() -> running(pid), running -> !running);
	}

	private static boolean running(long pid) {
		String stat = stat(pid);
		return stat != null && !stat.startsWith("Z");
	}

	/** The fields of /proc/<pid>/stat after the command's name, or null when there is no such process. */
	private static String stat(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			return stat.substring(stat.lastIndexOf(')') + 2);
		}
		catch (Exception ex) {
			return null;
		}
	}

	/** Processes still running in the process group {@code pgid}, read from /proc. */
	static List<Long> leftInGroup(long pgid) {
		return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(pid -> {
			String stat = stat(pid);
			return stat != null && !stat.startsWith("Z") && stat.split(" ")[2].equals(String.valueOf(pgid));
		}).toList();
	}

}
