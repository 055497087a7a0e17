package org.threadlab.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.run.ProcessPermits;
import org.threadlab.scenario.RunCost;

/** Runs are admitted by what they cost, in turns by client, and a run that waits hears its place. */
class AdmissionTest {

	private static final Amount SLEEPING = Amount.of(RunCost.waiting(3), true);

	private static final Amount COMPUTING = Amount.of(RunCost.waiting(3).computing(2), true);

	private static final Amount WITH_A_CHILD = Amount.of(RunCost.waiting(2).withProcesses(1), true);

	private Admission admission;

	@AfterEach
	void close() {
		if (admission != null) {
			admission.close();
		}
	}

	/** What one request heard, in order: "queued 2", "admitted". */
	private static final class Heard implements Admission.Listener {

		final List<String> said = new ArrayList<>();

		final AtomicReference<Admission.Ticket> ticket = new AtomicReference<>();

		/** The ticket the request got, waiting or not. */
		volatile Admission.Ticket enqueued;

		@Override
		public synchronized void queued(int position) {
			said.add("queued " + position);
		}

		@Override
		public synchronized void admitted(Admission.Ticket admitted) {
			ticket.set(admitted);
			said.add("admitted");
		}

		synchronized List<String> said() {
			return List.copyOf(said);
		}

		synchronized String last() {
			return said.isEmpty() ? null : said.get(said.size() - 1);
		}

		boolean admitted() {
			return ticket.get() != null;
		}

	}

	private Admission admission(int threads, int processes, double cores, int queue, int clientThreads,
			int clientProcesses, double clientCores, int clientQueue) {
		admission = new Admission(new AdmissionLimits(threads, processes, cores, queue,
				new AdmissionLimits.Share(clientThreads, clientProcesses, clientCores, clientQueue)));
		return admission;
	}

	private Heard ask(String client, Amount need) throws Exception {
		Heard heard = new Heard();
		heard.enqueued = admission.enqueue(client, need, heard);
		quiet();
		return heard;
	}

	private void quiet() throws InterruptedException {
		// twice: a pass scheduled by the first round of calls runs before the second marker
		assertThat(admission.awaitQuiet(10, TimeUnit.SECONDS)).isTrue();
		assertThat(admission.awaitQuiet(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void lessonsThatSleepCostLittleSoManyRunAtOnce() throws Exception {
		admission(30, 4, 1, 10, 30, 2, 1, 10);
		List<Heard> runs = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			runs.add(ask("10.0.0." + i, SLEEPING));
		}
		assertThat(runs).allMatch(Heard::admitted);
		Heard eleventh = ask("10.0.0.99", SLEEPING);
		assertThat(eleventh.said()).as("30 threads are taken: the eleventh waits, next in line").containsExactly("queued 1");
		assertThat(admission.occupancy()).isEqualTo(new Occupancy(10, 1, 30, 0, 0, 11));

		runs.get(0).ticket.get().release();
		quiet();
		assertThat(eleventh.said()).containsExactly("queued 1", "admitted");
	}

	@Test
	void runsThatComputeWaitForACoreWhileSleepingOnesGoOn() throws Exception {
		admission(100, 4, 1, 10, 100, 2, 1, 10);
		Heard race = ask("10.0.0.1", COMPUTING);
		Heard secondRace = ask("10.0.0.2", COMPUTING);
		Heard sleeper = ask("10.0.0.3", SLEEPING);
		assertThat(race.admitted()).isTrue();
		assertThat(secondRace.said()).as("one core, taken").containsExactly("queued 1");
		assertThat(sleeper.said()).as("a lesson that sleeps needs no core").containsExactly("admitted");

		race.ticket.get().release();
		quiet();
		assertThat(secondRace.said()).containsExactly("queued 1", "admitted");
	}

	@Test
	void theGilMakesTwoBusyThreadsOneCore() {
		assertThat(COMPUTING.cores()).isEqualTo(1);
		assertThat(Amount.of(RunCost.waiting(3).computing(2), false).cores()).isEqualTo(2);
		assertThat(Amount.of(RunCost.waiting(4).computing(3, 3), true).cores())
			.as("three processes, a GIL each").isEqualTo(3);
		assertThat(SLEEPING.cores()).isZero();
	}

	@Test
	void clientsTakeTurnsSoAnotherClientIsNotStuckBehindOnesLongQueue() throws Exception {
		admission(3, 4, 1, 20, 3, 2, 1, 20);
		Heard running = ask("10.0.0.1", SLEEPING);
		List<Heard> greedy = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			greedy.add(ask("10.0.0.1", SLEEPING));
		}
		Heard bystander = ask("10.0.0.2", SLEEPING);
		assertThat(greedy).extracting(Heard::last).containsExactly("queued 1", "queued 3", "queued 4", "queued 5");
		assertThat(bystander.last()).as("the second client's first run comes right after the first's first")
			.isEqualTo("queued 2");

		running.ticket.get().release();
		quiet();
		assertThat(greedy.get(0).last()).isEqualTo("admitted");
		assertThat(bystander.last()).isEqualTo("queued 1");
		greedy.get(0).ticket.get().release();
		quiet();
		assertThat(bystander.last()).as("the turn goes to the other client").isEqualTo("admitted");
		assertThat(greedy.get(1).last()).isEqualTo("queued 1");
	}

	@Test
	void oneClientNeverHoldsMoreThanItsShare() throws Exception {
		admission(100, 4, 2, 20, 9, 2, 1, 20);
		List<Heard> greedy = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			greedy.add(ask("10.0.0.1", SLEEPING));
		}
		assertThat(greedy).filteredOn(Heard::admitted).as("9 threads: three runs of 3").hasSize(3);
		Heard bystander = ask("10.0.0.2", SLEEPING);
		assertThat(bystander.said()).as("a client at its share holds up no one").containsExactly("admitted");
		assertThat(ask("10.0.0.1", COMPUTING).admitted()).as("threads are its limit, whatever else is free")
			.isFalse();
	}

	@Test
	void aFullQueueAnswersBusyAndTakesNothing() throws Exception {
		admission(3, 4, 1, 2, 3, 2, 1, 1);
		ask("10.0.0.1", SLEEPING);
		ask("10.0.0.1", SLEEPING);
		assertThatThrownBy(() -> admission.enqueue("10.0.0.1", SLEEPING, new Heard()))
			.isInstanceOfSatisfying(LaunchRefused.class, busy -> {
				assertThat(busy.code()).isEqualTo("busy");
				assertThat(busy.details()).containsEntry("queue", "client").containsEntry("limit", 1);
			});
		ask("10.0.0.2", SLEEPING);
		assertThatThrownBy(() -> admission.enqueue("10.0.0.3", SLEEPING, new Heard()))
			.isInstanceOfSatisfying(LaunchRefused.class, busy -> assertThat(busy.details())
				.containsEntry("queue", "server").containsEntry("limit", 2));
		assertThat(admission.occupancy().waiting()).isEqualTo(2);
	}

	@Test
	void aWithdrawnRequestLeavesTheQueueAndThoseBehindMoveUp() throws Exception {
		admission(3, 4, 1, 10, 3, 2, 1, 10);
		Heard running = ask("10.0.0.1", SLEEPING);
		Heard first = ask("10.0.0.2", SLEEPING);
		Heard second = ask("10.0.0.3", SLEEPING);
		assertThat(second.last()).isEqualTo("queued 2");

		assertThat(first.enqueued.withdraw()).isTrue();
		assertThat(first.enqueued.withdraw()).as("once").isFalse();
		quiet();
		assertThat(second.said()).containsExactly("queued 2", "queued 1");
		running.ticket.get().release();
		quiet();
		assertThat(first.said()).as("a withdrawn request hears nothing more").containsExactly("queued 1");
		assertThat(second.last()).isEqualTo("admitted");
		assertThat(second.enqueued.withdraw()).as("an admitted run is stopped, not withdrawn").isFalse();
	}

	@Test
	void aRunNeedingAProcessIsNotPassedByLaterOnesNeedingOneButSleepersGoOn() throws Exception {
		admission(100, 1, 1, 10, 100, 1, 1, 10);
		Heard child = ask("10.0.0.1", WITH_A_CHILD);
		Heard waitsForAProcess = ask("10.0.0.2", WITH_A_CHILD);
		Heard alsoNeedsOne = ask("10.0.0.3", WITH_A_CHILD);
		Heard sleeper = ask("10.0.0.4", SLEEPING);
		assertThat(waitsForAProcess.last()).isEqualTo("queued 1");
		assertThat(alsoNeedsOne.last()).isEqualTo("queued 2");
		assertThat(sleeper.last()).as("needs no process: passes the runs waiting for one").isEqualTo("admitted");

		child.ticket.get().release();
		quiet();
		assertThat(waitsForAProcess.last()).isEqualTo("admitted");
		assertThat(alsoNeedsOne.last()).isEqualTo("queued 1");
	}

	@Test
	void everyLiveChildHoldsAPermitAndAChildBeyondTheReservationWaitsForRoom() throws Exception {
		admission(100, 2, 1, 10, 100, 2, 1, 10);
		Heard run = ask("10.0.0.1", WITH_A_CHILD);
		ProcessPermits permits = run.ticket.get().permits();
		ProcessPermits.Permit reserved = permits.acquire();
		ProcessPermits.Permit extra = permits.acquire();
		assertThat(admission.occupancy().processes()).as("the reserved one, and one more from the free room").isEqualTo(2);

		CountDownLatch third = new CountDownLatch(1);
		Thread starter = new Thread(() -> {
			try (ProcessPermits.Permit p = permits.acquire()) {
				third.countDown();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "test-third-child");
		starter.start();
		assertThat(third.await(200, TimeUnit.MILLISECONDS)).as("no room for a third child").isFalse();
		Heard other = ask("10.0.0.2", WITH_A_CHILD);
		assertThat(other.admitted()).isFalse();

		extra.close();
		extra.close(); // twice gives back once
		assertThat(third.await(10, TimeUnit.SECONDS)).as("the third child takes the freed place").isTrue();
		starter.join(10_000);
		quiet();
		assertThat(other.admitted()).as("one process free again").isTrue();

		run.ticket.get().release();
		reserved.close(); // after the release: nothing more to give back
		other.ticket.get().release();
		assertThat(admission.occupancy()).isEqualTo(new Occupancy(0, 0, 0, 0, 0, 0));
	}

	@Test
	void aRunThatEndsGivesBackEverythingEvenPermitsItsChildrenStillHeld() throws Exception {
		admission(100, 3, 1, 10, 100, 3, 1, 10);
		Heard run = ask("10.0.0.1", WITH_A_CHILD);
		run.ticket.get().permits().acquire();
		run.ticket.get().permits().acquire();
		run.ticket.get().release();
		run.ticket.get().release();
		assertThat(admission.occupancy()).isEqualTo(new Occupancy(0, 0, 0, 0, 0, 0));
		assertThatThrownBy(() -> run.ticket.get().permits().acquire()).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aRunBiggerThanTheServerStillRunsAlone() throws Exception {
		admission(10, 1, 1, 10, 5, 1, 1, 10);
		Heard huge = ask("10.0.0.1", Amount.of(RunCost.waiting(42).withProcesses(3).computing(8), false));
		assertThat(huge.admitted()).isTrue();
		assertThat(admission.occupancy()).isEqualTo(new Occupancy(1, 0, 5, 1, 1, 1));
	}

}
