package org.threadlab.childjvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How many spares to keep and when to start them: a lesson's few when calm, more when a class asks fast,
 * and never while the processes that took the last ones compute. Time is given, never waited for; the
 * CPU a process used is what the test says.
 */
class SpareDemandTest {

	private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final long S = TimeUnit.SECONDS.toNanos(1);

	/** The CPU time each watched process has used, as the test sets it. */
	private final Map<Long, Long> cpu = new ConcurrentHashMap<>();

	private final SpareDemand demand = new SpareDemand(3, 8, 2, p -> cpu.getOrDefault(p.pid(), 0L));

	private Process child;

	@AfterEach
	void endChild() throws InterruptedException {
		if (child != null) {
			child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
	}

	@Test
	void aLessonsBurstLeavesTheSizeAsItIsAndStartsOneAtATime() {
		long t = 1_000 * S;
		for (int i = 0; i < 3; i++) {
			demand.asked(t, null);
		}
		assertThat(demand.target(t)).isEqualTo(3);
		assertThat(demand.parallel(t, 1)).isEqualTo(1);
		assertThat(demand.parallel(t, 0)).as("none ready").isEqualTo(2);
	}

	@Test
	void askingFastRaisesTheSizeUpToItsMostAndStartsACoresWorthAtOnce() {
		long t = 1_000 * S;
		for (int i = 0; i < 8; i++) { // one learner running a one-process lesson back to back
			demand.asked(t + i * S, null);
		}
		assertThat(demand.target(t + 8 * S)).isEqualTo(8);
		assertThat(demand.target(t + 8 * S + 42 * S)).as("calm again").isEqualTo(3);
		for (int i = 0; i < 6; i++) { // a class: four processes a second
			demand.asked(t + 60 * S + i * 250 * MS, null);
		}
		assertThat(demand.target(t + 62 * S)).isEqualTo(6);
		for (int i = 6; i < 40; i++) {
			demand.asked(t + 60 * S + i * 250 * MS, null);
		}
		assertThat(demand.target(t + 70 * S)).isEqualTo(8);
		assertThat(demand.parallel(t + 70 * S, 5)).isEqualTo(2);
	}

	@Test
	void aRaisedSizeIsKeptHalfAMinuteAfterTheDemandThenFallsBack() {
		long t = 1_000 * S;
		for (int i = 0; i < 40; i++) {
			demand.asked(t + i * 250 * MS, null);
		}
		long last = t + 10 * S;
		assertThat(demand.target(last)).isEqualTo(8);
		assertThat(demand.target(last + 25 * S)).as("calm again, but within the hold").isEqualTo(8);
		assertThat(demand.target(last + 41 * S)).isEqualTo(3);
		assertThat(demand.parallel(last + 41 * S, 3)).isEqualTo(1);
	}

	@Test
	void spareJustTakenIsWatchedForAMomentBeforeTheNextStarts() throws Exception {
		ProcessHandle taken = child();
		long t = 1_000 * S;
		demand.asked(t, taken);
		assertThat(demand.delayNanos(t + 10 * MS)).isEqualTo((SpareDemand.OBSERVE_MS - 10) * MS);
		assertThat(demand.delayNanos(t + SpareDemand.OBSERVE_MS * MS)).as("it sleeps: start the next").isZero();
	}

	@Test
	void whileTheProcessesThatTookTheLastSparesComputeTheNextWait() throws Exception {
		ProcessHandle taken = child();
		long t = 1_000 * S;
		demand.asked(t, taken);
		cpu.put(taken.pid(), 300 * MS); // a core's worth since it was taken
		assertThat(demand.delayNanos(t + 300 * MS)).isEqualTo(SpareDemand.RECHECK_NANOS);
		cpu.put(taken.pid(), 3_300 * MS);
		assertThat(demand.delayNanos(t + 3_300 * MS)).as("calm: as long as they compute").isEqualTo(SpareDemand.RECHECK_NANOS);
	}

	@Test
	void theSecondRefillThreadLookingAMomentAfterTheFirstSeesTheWorkersStillComputing() throws Exception {
		ProcessHandle taken = child();
		long t = 1_000 * S;
		demand.asked(t, taken);
		cpu.put(taken.pid(), 300 * MS);
		assertThat(demand.delayNanos(t + 300 * MS)).isEqualTo(SpareDemand.RECHECK_NANOS);
		assertThat(demand.delayNanos(t + 300 * MS + 500_000)).as("half a millisecond later, no CPU counted yet: still computing")
			.isEqualTo(SpareDemand.RECHECK_NANOS);
	}

	@Test
	void aPoolsWorkersAreJudgedTogetherOnceTheLastHandedOutHasHadItsMoment() throws Exception {
		ProcessHandle first = child();
		ProcessHandle last = new ProcessBuilder("sleep", "30").start().toHandle();
		try {
			long t = 1_000 * S;
			demand.asked(t, first);
			demand.asked(t + 40 * MS, last);
			cpu.put(first.pid(), 40 * MS); // it waited for its pool's first task
			assertThat(demand.delayNanos(t + SpareDemand.OBSERVE_MS * MS)).as("the last one is too new to tell")
				.isEqualTo(40 * MS);
		}
		finally {
			last.destroy();
		}
	}

	@Test
	void underDemandComputingProcessesHoldTheNextBackTwoSecondsAtMost() throws Exception {
		ProcessHandle taken = child();
		long t = 1_000 * S;
		for (int i = 0; i < 5; i++) {
			demand.asked(t - i * MS, null);
		}
		demand.asked(t, taken);
		cpu.put(taken.pid(), 300 * MS);
		assertThat(demand.delayNanos(t + 300 * MS)).isEqualTo(SpareDemand.RECHECK_NANOS);
		cpu.put(taken.pid(), 1_300 * MS);
		assertThat(demand.delayNanos(t + 1_300 * MS)).isEqualTo(SpareDemand.RECHECK_NANOS);
		cpu.put(taken.pid(), 2_400 * MS);
		assertThat(demand.delayNanos(t + 2_400 * MS)).as("held two seconds: start it all the same").isZero();
	}

	@Test
	void processesThatStoppedComputingNoLongerHoldTheNextBack() throws Exception {
		ProcessHandle taken = child();
		long t = 1_000 * S;
		demand.asked(t, taken);
		cpu.put(taken.pid(), 300 * MS);
		assertThat(demand.delayNanos(t + 300 * MS)).isPositive();
		assertThat(demand.delayNanos(t + 400 * MS)).as("no CPU since the last look").isZero();
	}

	/** A live process that does nothing, to be handed out as a spare. */
	private ProcessHandle child() throws Exception {
		child = new ProcessBuilder("sleep", "30").start();
		return child.toHandle();
	}

}
