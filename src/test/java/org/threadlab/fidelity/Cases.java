package org.threadlab.fidelity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;

/**
 * What each lesson must show as CPython does, scenario by scenario and variant by variant: how its
 * prints compare (in order; as a multiset where threads race), what ThreadLab adds of its own, which
 * numbers are timings, and the facts that only several runs can judge.
 */
public final class Cases {

	private Cases() {
	}

	/** The scenarios that have a case: a lesson without one is not compared with CPython (a guard test asks for one). */
	public static Set<String> scenarios(ScenarioCatalog catalog) {
		Set<String> ids = new TreeSet<>();
		all(catalog).forEach(c -> ids.add(c.scenario));
		return ids;
	}

	static List<Case> all(ScenarioCatalog catalog) {
		return List.of(
				Case.of("gil-race", "small, GIL switching at back-edges (3.10+)", Map.of("n", 5))
					.lesson("five updates each way: the total is 0")
					.threadLabOnly("lost updates: "),
				Case.of("gil-race", "tutorial, GIL switching at back-edges (3.10+)", Map.of("n", 1_000_000))
					.lesson("total += 1 is never cut in two: the total is 0 in every run")
					.threadLabOnly("lost updates: ")
					.runs(2),
				Case.of("gil-race", "tutorial, GIL off", Map.of("n", 1_000_000))
					.lesson("without a GIL, updates get lost: the total is not 0 in some run")
					.gil(null)
					.python("python3.13t")
					.threadLabOnly("lost updates: ")
					.runs(5)
					.fact("the total is not 0 in some run (of at most 5)", runs -> runs.stream()
						.anyMatch(o -> !o.texts().isEmpty() && !o.texts().get(0).equals("0"))),
				variant(catalog, "thread-target", "join").lesson("both threads sleep at once: main waits the longest, not the sum")
					.timing("last time: ", 0.5),
				// CPython's own race: start() returns once the new thread has begun, not once it has printed, so
				// on a loaded machine main may print before either thread's first line
				variant(catalog, "thread-target", "no-join").lesson("start() returns once the new thread runs; main does not wait")
					.racing()
					.inOrder("last time: ", "get detail html end", "get detail url end")
					.timing("last time: ", 0.5),
				variant(catalog, "thread-target", "daemon").lesson("daemon threads end with the process, cut off mid-sleep")
					.ignoring("get detail url started")
					.timing("last time: ", 0.5),
				Case.of("thread-subclass", "tutorial", Map.of()).lesson("the same two threads, made by subclassing Thread")
					.timing("last time: ", 0.5),
				Case.of("shared-list", "tutorial", Map.of()).lesson("a shared list under a lock, consumers polling")
					.speed(20)
					.racing()
					.namesAside(),
				Case.of("queue", "tutorial", Map.of()).lesson("a bounded queue between a producer and ten consumers")
					.speed(5)
					.racing()
					.namesAside()
					.timing("last time: ", 1.0),
				variant(catalog, "lock-counter", "small").lesson("the race fixed with a lock: the total is 0")
					.threadLabOnly("lost updates: ")
					.cpuTime("last time: "),
				Case.of("lock-counter", "n = 100,000", Map.of("n", 100_000))
					.lesson("the race fixed with a lock, a hundred thousand times each way")
					.threadLabOnly("lost updates: ")
					.cpuTime("last time: "),
				variant(catalog, "rlock", "rlock").lesson("an RLock's owner takes it twice"),
				variant(catalog, "rlock", "lock").lesson("a plain Lock taken twice: its thread waits for itself for ever"),
				// at speed 1: the pause is 0.1 s; faster, a loaded machine lets A take both locks before B
				// takes b, in CPython too
				variant(catalog, "deadlock", "opposite").lesson("opposite orders: each thread waits for the other's lock")
					.runs(2)
					.speed(1),
				variant(catalog, "deadlock", "same").lesson("one order for all: A, started first, takes a first, every run")
					.runs(3)
					.speed(1),
				variant(catalog, "condition-poem", "tutorial").lesson("XiaoAi started first waits in time: the whole poem, every run")
					.runs(3),
				variant(catalog, "condition-poem", "wrong-order").lesson("TianMao first: its notify is lost, both wait for ever")
					.runs(2),
				variant(catalog, "condition-poem", "turns").lesson("whose turn it is in a variable: the poem whatever the order"),
				Case.of("semaphore", "tutorial", Map.of()).lesson("at most three spiders at once, twenty in all")
					.speed(20)
					.racing(),
				// both workers wait on the work queue: which takes the first task is their race, in CPython too
				variant(catalog, "future-basics", "tutorial").lesson("done, cancel of a running task, result")
					.speed(5)
					.namesAside(),
				variant(catalog, "future-basics", "queued").lesson("cancel works on a task still in the queue")
					.speed(5)
					.namesAside(),
				variant(catalog, "future-basics", "raises").lesson("what a task raises is raised again by result()")
					.speed(5)
					.namesAside(),
				Case.of("as-completed", "tutorial", Map.of()).lesson("results in the order the tasks finish: 2, 3, 4"),
				Case.of("executor-map", "tutorial", Map.of()).lesson("results in the order submitted: 3, 2, 4"),
				Case.of("wait-first", "FIRST_COMPLETED", Map.of("allCompleted", false))
					.lesson("main goes on after the first result; the others still run"),
				Case.of("wait-first", "ALL_COMPLETED", Map.of("allCompleted", true)).lesson("main goes on when all are done"),
				variant(catalog, "pool-internals", "tutorial")
					.lesson("the tutorial's older source: a new worker on each submit, never more than max_workers"),
				variant(catalog, "pool-internals", "cpython")
					.lesson("CPython 3.8+: an idle worker takes the next task; tasks that end before the next comes need one worker")
					.speed(20),
				variant(catalog, "process", "target").lesson("no pid before start(), the child's real pid after; join waits for it")
					.pidsAside(),
				variant(catalog, "process", "subclass").lesson("the same process by subclassing Process").pidsAside(),
				variant(catalog, "fork", "tutorial").lesson("both processes print the line after the fork; the child's parent is the forking process")
					.pidsAside()
					.racing()
					.namesAside()
					.inOrder("bobby", "parent of "),
				variant(catalog, "fork", "parent-exits-first").lesson("an orphan is adopted (by pid 1 here) and goes on")
					.speed(1)
					.pidsAside()
					.racing()
					.namesAside()
					.inOrder("child <pid>, its parent is", "child <pid>, adopted by 1"),
				variant(catalog, "process-queue", "tutorial").lesson("\"a\" crosses from the producer's process to the consumer's"),
				variant(catalog, "process-queue", "no-sleep").lesson("without its sleep, the consumer's get() waits for the item"),
				variant(catalog, "process-queue", "globals").lesson("each process has its own globals: only the queue's item crosses"),
				// which worker runs which task is the pool's race, so names aside
				variant(catalog, "manager-queue", "tutorial").lesson("the manager's queue carries \"a\" from the producer's task to the consumer's")
					.speed(5)
					.namesAside(),
				variant(catalog, "manager-queue", "plain-queue").lesson("a plain Queue cannot be pickled for a task: neither task runs, nothing is printed")
					.speed(5)
					.namesAside(),
				variant(catalog, "manager-queue", "plain-queue-get").lesson("asked after join: not successful, and get() raises the RuntimeError")
					.speed(5)
					.namesAside(),
				variant(catalog, "pipe", "tutorial").lesson("\"bobby\" crosses the pipe"),
				variant(catalog, "pipe", "both-ways").lesson("a duplex pipe's first end sends too: the answer comes back"),
				variant(catalog, "pipe", "one-way").lesson("Pipe(duplex=False) carries \"bobby\" one way"),
				variant(catalog, "manager-dict", "tutorial").lesson("two processes write the manager's dict: both keys are there")
					.fact("main prints the dict with both keys, in the order the writes came", runs -> runs.stream()
						.allMatch(o -> o.texts().size() == 1 && List.of("{'bobby1': 22, 'bobby2': 23}", "{'bobby2': 23, 'bobby1': 22}")
							.contains(o.texts().get(0)))),
				// at speed 1: the half second of work between read and write outlasts the gap between the processes' starts
				variant(catalog, "manager-dict", "lost-update").lesson("read-modify-write without a lock: updates are lost")
					.speed(1)
					.fact("the count ends below 6: updates were lost", runs -> runs.stream()
						.allMatch(o -> o.texts().size() == 1 && o.texts().get(0).matches("\\{'count': [1-5]\\}"))),
				variant(catalog, "manager-dict", "with-lock").lesson("with the manager's lock, no update is lost: 6"),
				// §6: which worker process prints is CPython's race ("SpawnPoolWorker-2/MainThread" there), so names aside
				variant(catalog, "pool-apply", "tutorial").lesson("apply_async returns at once; the result is there after close and join")
					.speed(5)
					.namesAside(),
				// at speed 1: CPython's runner scales sleeps, not the timeouts of waits
				variant(catalog, "pool-apply", "timeout").lesson("get(timeout=1) too early raises multiprocessing.TimeoutError; the task goes on")
					.speed(1)
					.namesAside(),
				Case.of("imap", "two workers", Map.of()).lesson("imap hands out 1, 5, 3 (5 and 3 together); imap_unordered 1, 3, 5")
					.speed(2)
					.namesAside(),
				Case.of("cpu-bound", "fib(25..33), GIL switching at back-edges (3.10+)", Map.of("start", 25, "stop", 34))
					.lesson("the same results serially, on threads and on processes; the times are CPU time, not compared")
					.racing()
					.namesAside()
					.inOrder("serial: ", "threads: ", "processes: ")
					.cpuTime("serial: ")
					.cpuTime("threads: ")
					.cpuTime("processes: "),
				// at speed 1: CPython's runner scales the sleeps of each process, but its lesson clock lives in the main
				// process only, which does not see its workers' sleeps. The tolerance holds a JVM's start, cold.
				variant(catalog, "io-bound", "short").lesson("30 sleeps of 0.2 s on 3 workers: ten rounds, on threads and on processes")
					.speed(1)
					.namesAside()
					.timing("threads: ", 2.0)
					.timing("processes: ", 2.0));
	}

	private static Case variant(ScenarioCatalog catalog, String id, String name) {
		Scenario scenario = catalog.find(id).orElseThrow();
		Map<String, Object> values = scenario.variants().get(name);
		if (values == null) {
			throw new IllegalArgumentException(id + " has no variant " + name + "; it has " + scenario.variants().keySet());
		}
		return Case.of(id, name, values);
	}

}
