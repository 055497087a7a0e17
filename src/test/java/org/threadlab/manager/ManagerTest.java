package org.threadlab.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.threadlab.event.EventKind.ACQUIRE;
import static org.threadlab.event.EventKind.ACQUIRED;
import static org.threadlab.event.EventKind.EXIT;
import static org.threadlab.event.EventKind.GET;
import static org.threadlab.event.EventKind.GOT;
import static org.threadlab.event.EventKind.PUT;
import static org.threadlab.event.EventKind.PUT_DONE;
import static org.threadlab.event.EventKind.READ;
import static org.threadlab.event.EventKind.RELEASE;
import static org.threadlab.event.EventKind.REPLY;
import static org.threadlab.event.EventKind.REQUEST;
import static org.threadlab.event.EventKind.WRITE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.probe.Py;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.builtins.PyException;
import org.threadlab.run.Gate;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunBody;
import org.threadlab.run.RunClock;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.OsProcesses;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** multiprocessing.Manager on a real server process: proxies, requests over a socket, told by the recorded events. */
class ManagerTest {

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).isEmpty();
	}

	private static Trace run(RunBody main) throws Exception {
		return run(null, main);
	}

	private static Trace run(Gate gate, RunBody main) throws Exception {
		return Runs.completing(10, gate, main);
	}

	@Test
	void twoProcessesWriteOneManagedDictAndMainSeesBothKeys() throws Exception {
		List<Object> seen = new ArrayList<>();
		Trace trace = run(() -> {
			Manager manager = Manager.start();
			DictProxy dict = manager.dict("progress_dict");
			PyProcess first = new PyProcess(ManagerPrograms.addData(dict, "bobby1", 22));
			PyProcess second = new PyProcess(ManagerPrograms.addData(dict, "bobby2", 23));
			first.start();
			second.start();
			first.join();
			second.join();
			Py.print(dict);
			seen.add(manager.pid());
			seen.add(first.pid());
			seen.add(second.pid());
		});
		String printed = trace.printsOf("main").get(0);
		assertThat(printed).as("the dict's repr, from the server").isIn("{'bobby1': 22, 'bobby2': 23}",
				"{'bobby2': 23, 'bobby1': 22}");
		assertThat(Set.copyOf(seen)).as("the manager and both writers are processes of their own")
			.hasSize(3)
			.doesNotContain(ProcessHandle.current().pid());
		assertThat(trace.actors().keySet()).as("the manager takes a process number, as CPython's does")
			.contains("SyncManager-1", "Process-2", "Process-3");
		assertThat(trace.pidOf("SyncManager-1")).isEqualTo(seen.get(0));

		for (String writer : List.of("Process-2", "Process-3")) {
			Event request = trace.first(writer, REQUEST, e -> String.valueOf(e.value()).contains("__setitem__"));
			ActorInfo serving = trace.actorIn("SyncManager-1", writer);
			Event got = trace.of(serving).stream().filter(e -> e.kind() == GOT && e.cause() == request.seq()).findFirst()
				.orElseThrow(() -> new AssertionError("the request of " + writer + " never reached the manager"));
			assertThat(got.value()).isEqualTo(request.value());
			Event write = trace.of(serving).stream().filter(e -> e.kind() == WRITE).findFirst().orElseThrow();
			assertThat(write.seq()).isGreaterThan(got.seq());
			Event answer = trace.of(serving).stream().filter(e -> e.kind() == PUT && e.seq() > write.seq()).findFirst().orElseThrow();
			Event reply = trace.first(writer, REPLY, e -> e.seq() > request.seq() && e.cause() >= 0);
			assertThat(reply.cause()).as("%s's reply came from the thread serving it", writer).isEqualTo(answer.seq());
		}
		assertThat(trace.first("main", REQUEST, e -> "progress_dict.__repr__()".equals(e.value()))).isNotNull();
	}

	@Test
	void theManagersThreadsAreCpythonsAnAccepterAndAThreadPerConnection() throws Exception {
		Trace trace = run(() -> {
			DictProxy dict = Manager.start().dict("d");
			PyProcess writer = new PyProcess(ManagerPrograms.addData(dict, "k", 1));
			writer.start();
			writer.join();
			Py.print(dict.get("k"));
		});
		long manager = trace.pidOf("SyncManager-1");
		List<String> threads = trace.events().stream()
			.filter(e -> e.value() instanceof ActorInfo info && info.pid() == manager && info.type() == ActorInfo.Type.THREAD)
			.map(e -> ((ActorInfo) e.value()).name())
			.toList();
		assertThat(threads).as("the accepter, a short thread per create and shutdown, a thread per client")
			.containsExactly("Thread-1 (accepter)", "Thread-2 (handle_request)", "Process-2", "MainProcess",
					"Thread-5 (handle_request)");
		assertThat(trace.of(trace.actorIn("SyncManager-1", "Process-2")).get(trace.of(trace.actorIn("SyncManager-1", "Process-2")).size() - 1).value())
			.as("its client's end closed: the thread serving it ends, as CPython's on EOFError")
			.isNull();
		assertThat(trace.first("SyncManager-1", EXIT).value()).as("a shutdown, then the process ends by itself").isNull();
		assertThat(trace.printsOf("main")).containsExactly("1");
	}

	@Test
	void aGetOnAnEmptyManagedQueueBlocksAThreadOfTheManagerUntilAnotherProcessPuts() throws Exception {
		// the consumer's get reaches the queue first and waits there; only then is main's put served
		Gate order = new ServedOrder(new ServedOrder.Step("Process-2", GET, "queue"),
				new ServedOrder.Step("MainProcess", PUT, "queue"));
		Trace trace = run(order, () -> {
			QueueProxy queue = Manager.start().queue("queue", 10);
			PyProcess consumer = new PyProcess(ManagerPrograms.getAndPrint(queue));
			consumer.start();
			queue.put("a");
			consumer.join();
		});
		assertThat(trace.printsOf("Process-2")).containsExactly("got a");
		ActorInfo serving = trace.actorIn("SyncManager-1", "Process-2");
		Event get = trace.of(serving).stream().filter(e -> e.kind() == GET && "queue".equals(e.object())).findFirst().orElseThrow();
		Event got = trace.of(serving).stream().filter(e -> e.kind() == GOT && "queue".equals(e.object())).findFirst().orElseThrow();
		Event put = trace.of(trace.actorIn("SyncManager-1", "MainProcess")).stream()
			.filter(e -> e.kind() == PUT_DONE && "queue".equals(e.object()))
			.findFirst()
			.orElseThrow();
		assertThat(get.seq()).as("the serving thread waited in the queue before the put").isLessThan(put.seq());
		assertThat(got.cause()).as("the item main put, served by another thread of the manager").isEqualTo(put.seq());
		Event reply = trace.first("Process-2", REPLY, e -> "'a'".equals(e.value()));
		Event answer = trace.of(serving).stream().filter(e -> e.kind() == PUT && "'a'".equals(e.value())).findFirst().orElseThrow();
		assertThat(reply.cause()).isEqualTo(answer.seq());
	}

	@Test
	void withoutALockTwoReadModifyWritesLoseAnUpdate() throws Exception {
		// both read 0 before either writes: the order forced in the manager, where the reads and writes are done
		Gate order = new ServedOrder(new ServedOrder.Step("Process-2", READ, "progress_dict"),
				new ServedOrder.Step("Process-3", READ, "progress_dict"),
				new ServedOrder.Step("Process-2", WRITE, "progress_dict"),
				new ServedOrder.Step("Process-3", WRITE, "progress_dict"));
		Trace trace = run(order, () -> countTwice(false));
		assertThat(trace.printsOf("main")).containsExactly("count: 1");
		List<Event> served = trace.events().stream()
			.filter(e -> "progress_dict".equals(e.object()) && (e.kind() == READ || e.kind() == WRITE))
			.toList();
		assertThat(served).extracting(Event::kind).containsExactly(WRITE, READ, READ, WRITE, WRITE, READ);
		assertThat(served).extracting(Event::value)
			.containsExactly("'count': 0", "'count': 0", "'count': 0", "'count': 1", "'count': 1", "'count': 1");
	}

	@Test
	void withTheManagersLockTheSecondProcessWaitsAndNoUpdateIsLost() throws Exception {
		// Process-3 asks for the lock while Process-2 holds it, between Process-2's read and its write
		Gate order = new ServedOrder(new ServedOrder.Step("Process-2", READ, "progress_dict"),
				new ServedOrder.Step("Process-3", ACQUIRE, "lock"),
				new ServedOrder.Step("Process-2", WRITE, "progress_dict"));
		Trace trace = run(order, () -> countTwice(true));
		assertThat(trace.printsOf("main")).containsExactly("count: 2");
		ActorInfo second = trace.actorIn("SyncManager-1", "Process-3");
		Event acquire = trace.of(second).stream().filter(e -> e.kind() == ACQUIRE).findFirst().orElseThrow();
		Event acquired = trace.of(second).stream().filter(e -> e.kind() == ACQUIRED).findFirst().orElseThrow();
		Event release = trace.of(trace.actorIn("SyncManager-1", "Process-2")).stream().filter(e -> e.kind() == RELEASE)
			.findFirst()
			.orElseThrow();
		assertThat(acquired.cause()).as("Process-3's serving thread got the lock Process-2's let go").isEqualTo(release.seq());
		assertThat(acquire.seq()).isLessThan(release.seq());
		Event waited = trace.first("Process-3", REQUEST, e -> "lock.acquire(True)".equals(e.value()));
		Event granted = trace.first("Process-3", REPLY, e -> e.seq() > waited.seq());
		assertThat(granted.timeNs()).as("Process-3 waited for its reply while the lock was held")
			.isGreaterThan(trace.bySeq(release.seq()).timeNs());
	}

	/** Main of the counter lessons: two processes add one to count, with the manager's lock or without. */
	private static void countTwice(boolean locked) throws InterruptedException {
		Manager manager = Manager.start();
		DictProxy dict = manager.dict("progress_dict");
		AcquirerProxy lock = locked ? manager.lock("lock") : null;
		dict.setItem("count", 0);
		PyProcess first = new PyProcess(ManagerPrograms.addOne(dict, lock, 1));
		PyProcess second = new PyProcess(ManagerPrograms.addOne(dict, lock, 1));
		first.start();
		second.start();
		first.join();
		second.join();
		Py.print("count:", dict.getItem("count"));
	}

	@Test
	void aProxyCrossesToAnotherProcessAtAnyTimeEvenInsideAQueue() throws Exception {
		Trace trace = run(() -> {
			Manager manager = Manager.start();
			DictProxy dict = manager.dict("d");
			QueueProxy queue = manager.queue("queue");
			PyProcess child = new PyProcess(ManagerPrograms.writeThroughAProxyFromTheQueue(queue));
			child.start();
			queue.put(dict);
			child.join();
			Py.print(dict.getItem("from"));
		});
		assertThat(trace.printsOf("main")).containsExactly("a proxy that crossed in a queue");
	}

	@Test
	void whatTheManagersObjectRaisesTheProxyRaises() throws Exception {
		List<String> seen = new ArrayList<>();
		Trace trace = run(() -> {
			Manager manager = Manager.start();
			DictProxy dict = manager.dict("d");
			try {
				dict.getItem("missing");
			}
			catch (PyException raised) {
				seen.add(raised.describe());
			}
			PyProcess child = new PyProcess(ManagerPrograms.getNowait(manager.queue("queue")));
			child.start();
			child.join();
		});
		assertThat(seen).containsExactly("KeyError: 'missing'");
		assertThat(trace.first("main", REPLY, e -> String.valueOf(e.value()).startsWith("raised")).value())
			.isEqualTo("raised KeyError: 'missing'");
		assertThat(trace.printsOf("Process-2")).containsExactly("raised queue.Empty");
	}

	@Test
	void withAManagerBlockItsServerEndsAtTheBlocksEndAndItsProxiesFailAfter() throws Exception {
		AtomicReference<Long> pid = new AtomicReference<>();
		List<String> seen = new ArrayList<>();
		Trace trace = run(() -> {
			DictProxy dict;
			try (Manager manager = Manager.start()) {
				pid.set(manager.pid());
				dict = manager.dict("d");
				dict.setItem("k", 1);
			}
			seen.add(String.valueOf(OsProcesses.isRunning(pid.get())));
			assertThatThrownBy(() -> dict.getItem("k")).isInstanceOf(PyException.class);
			seen.add("refused");
		});
		assertThat(seen).containsExactly("false", "refused");
		assertThat(trace.first("SyncManager-1", EXIT).value()).isNull();
	}

	@Test
	void aCancelledRunLeavesNoManagerBehind() throws Exception {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 10_000);
		AtomicReference<Long> pid = new AtomicReference<>();
		run.start("main", () -> {
			Manager manager = Manager.start();
			pid.set(manager.pid());
			manager.queue("queue").get(); // waits for ever: nobody puts
		});
		Eventually.within(Duration.ofSeconds(30)).until("main's get from the manager's queue",
				() -> Trace.of(run.recorder()).events().stream().anyMatch(e -> e.kind() == GET && "queue".equals(e.object())));
		run.cancel();
		Outcome outcome = run.outcome().get(30, TimeUnit.SECONDS);
		assertThat(outcome.status()).isEqualTo(Outcome.Status.CANCELLED);
		assertThat(OsProcesses.isRunning(pid.get())).as("the manager ended with its run").isFalse();
		assertThat(Trace.of(run.recorder()).first("SyncManager-1", EXIT).value()).asString().startsWith("killed");
	}

}
