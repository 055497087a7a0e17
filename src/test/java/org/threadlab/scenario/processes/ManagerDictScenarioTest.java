package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.ACQUIRE;
import static org.threadlab.event.EventKind.ACQUIRED;
import static org.threadlab.event.EventKind.GOT;
import static org.threadlab.event.EventKind.PUT;
import static org.threadlab.event.EventKind.READ;
import static org.threadlab.event.EventKind.RELEASE;
import static org.threadlab.event.EventKind.REPLY;
import static org.threadlab.event.EventKind.REQUEST;
import static org.threadlab.event.EventKind.WRITE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.manager.ServedOrder;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §6.7.3: two processes and a dict held by a Manager's process; a read-modify-write with and without its lock. */
class ManagerDictScenarioTest {

	private final ManagerDictScenario scenario = new ManagerDictScenario();

	@AfterEach
	void noChildProcessIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).isEmpty();
	}

	@Test
	void bothKeysArePresentEachWriteCrossedToTheManagersProcess() throws Exception {
		Trace trace = Runs.of(scenario).speed(10).completing(scenario.variants().get("tutorial"));
		assertThat(trace.printsOf("main")).hasSize(1);
		assertThat(trace.printsOf("main").get(0)).isIn("{'bobby1': 22, 'bobby2': 23}", "{'bobby2': 23, 'bobby1': 22}");
		long manager = trace.pidOf("SyncManager-1");
		assertThat(Set.of(manager, trace.pidOf("Process-2"), trace.pidOf("Process-3"), ProcessHandle.current().pid()))
			.as("the manager and both writers are processes of their own")
			.hasSize(4);
		for (String writer : List.of("Process-2", "Process-3")) {
			Event request = trace.first(writer, REQUEST, e -> String.valueOf(e.value()).startsWith("progress_dict.__setitem__"));
			ActorInfo serving = trace.actorIn("SyncManager-1", writer);
			assertThat(serving.pid()).as("served by a thread of the manager's process").isEqualTo(manager);
			List<Event> served = trace.of(serving);
			Event got = served.stream().filter(e -> e.kind() == GOT && e.cause() == request.seq()).findFirst()
				.orElseThrow(() -> new AssertionError(writer + "'s request never reached the manager"));
			Event write = served.stream().filter(e -> e.kind() == WRITE && e.seq() > got.seq()).findFirst().orElseThrow();
			Event answer = served.stream().filter(e -> e.kind() == PUT && e.seq() > write.seq()).findFirst().orElseThrow();
			assertThat(trace.first(writer, REPLY, e -> e.seq() > request.seq()).cause()).isEqualTo(answer.seq());
		}
	}

	@Test
	void withoutALockTheProcessesReadModifyWritesLoseUpdates() throws Exception {
		// both read before either writes, in each round: the order forced where the reads and writes are done
		List<ServedOrder.Step> script = new ArrayList<>();
		for (int round = 0; round < 2; round++) {
			script.add(new ServedOrder.Step("Process-2", READ, "progress_dict"));
			script.add(new ServedOrder.Step("Process-3", READ, "progress_dict"));
			script.add(new ServedOrder.Step("Process-2", WRITE, "progress_dict"));
			script.add(new ServedOrder.Step("Process-3", WRITE, "progress_dict"));
		}
		Trace trace = Runs.of(scenario).speed(10).gate(new ServedOrder(script.toArray(ServedOrder.Step[]::new)))
			.completing(Map.of("counter", true, "lock", false, "times", 2, "workSeconds", 0.1));
		assertThat(trace.printsOf("main")).containsExactly("{'count': 2}");
		assertThat(lostUpdates(trace)).as("counted on the manager's reads and writes").isEqualTo(2);
	}

	@Test
	void withTheManagersLockNoUpdateIsLostTheOtherProcessWaitsForIt() throws Exception {
		// Process-3 asks for the lock between Process-2's read and its write
		ServedOrder order = new ServedOrder(new ServedOrder.Step("Process-2", READ, "progress_dict"),
				new ServedOrder.Step("Process-3", ACQUIRE, "lock"), new ServedOrder.Step("Process-2", WRITE, "progress_dict"));
		Trace trace = Runs.of(scenario).speed(10).gate(order).completing(Map.of("counter", true, "lock", true, "times", 3));
		assertThat(trace.printsOf("main")).containsExactly("{'count': 6}");
		assertThat(lostUpdates(trace)).isZero();
		ActorInfo first = trace.actorIn("SyncManager-1", "Process-2");
		ActorInfo second = trace.actorIn("SyncManager-1", "Process-3");
		Event waited = trace.of(second).stream()
			.filter(e -> e.kind() == ACQUIRED && trace.bySeq(e.cause()).actor() == first.id())
			.filter(e -> trace.of(second).stream().anyMatch(a -> a.kind() == ACQUIRE && a.seq() < e.cause()
					&& trace.of(second).stream().noneMatch(b -> b.kind() == ACQUIRED && b.seq() > a.seq() && b.seq() < e.seq())))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Process-3's serving thread never waited for the lock Process-2's held"));
		assertThat(trace.bySeq(waited.cause()).kind()).isEqualTo(RELEASE);
	}

	/**
	 * Updates lost, replayed from the manager's steps: a write loses one when the value it overwrites is
	 * not the one its writer read (another write came in between).
	 */
	private static int lostUpdates(Trace trace) {
		Map<Integer, String> lastRead = new HashMap<>();
		String current = null;
		int lost = 0;
		for (Event e : trace.events()) {
			if (!"progress_dict".equals(e.object())) {
				continue;
			}
			if (e.kind() == READ) {
				lastRead.put(e.actor(), (String) e.value());
			}
			else if (e.kind() == WRITE) {
				String read = lastRead.remove(e.actor());
				if (read != null && !read.equals(current)) {
					lost++;
				}
				current = (String) e.value();
			}
		}
		return lost;
	}

	@Test
	void aCancelledRunLeavesNoProcessBehindTheManagerNeither() throws Exception {
		CancelledRuns.cancelOnce(scenario, Map.of("counter", true, "lock", true, "workSeconds", 2.0),
				e -> e.kind() == EventKind.SLEEP);
	}

}
