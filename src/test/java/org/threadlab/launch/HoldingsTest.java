package org.threadlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.threadlab.launch.Amount.Kind;

/** What runs hold is reckoned per client and in total, against the server's room and each client's share. */
class HoldingsTest {

	/** A server of 10 threads, 3 processes, 2 cores; a client may hold 6 threads, 2 processes, 1 core. */
	private final Holdings holdings = new Holdings(new AdmissionLimits(10, 3, 2, 5, new AdmissionLimits.Share(6, 2, 1, 2)));

	private static final Amount SLEEPER = new Amount(3, 0, 0);

	private static final Amount RACE = new Amount(3, 0, 1);

	@Test
	void aRunFitsItsClientsShareAndTheServersFreeRoom() {
		assertThat(holdings.fits("a", SLEEPER)).isTrue();
		holdings.take("a", SLEEPER);
		holdings.take("a", SLEEPER);
		assertThat(holdings.fitsShare("a", SLEEPER)).as("six threads: a's share is full").isFalse();
		assertThat(holdings.fits("b", SLEEPER)).isTrue();
		holdings.take("b", SLEEPER);
		assertThat(holdings.fits("c", SLEEPER)).as("nine of ten threads are taken").isFalse();
		assertThat(holdings.fitsShare("c", SLEEPER)).isTrue();
	}

	@Test
	void theServerLacksOnlyTheKindsARunNeeds() {
		holdings.take("a", RACE);
		holdings.take("b", RACE);
		assertThat(holdings.lacking(RACE)).containsExactly(Kind.CORES);
		assertThat(holdings.lacking(SLEEPER)).as("a lesson that sleeps needs no core").isEmpty();
		assertThat(holdings.lacking(new Amount(5, 0, 1))).containsExactly(Kind.THREADS, Kind.CORES);
	}

	@Test
	void aRunBiggerThanTheServerIsCutToWhatAClientMayHoldWithOneThreadAtLeast() {
		assertThat(holdings.clip(new Amount(42, 3, 8))).isEqualTo(new Amount(6, 2, 1));
		assertThat(holdings.clip(new Amount(0, 0, 0))).isEqualTo(new Amount(1, 0, 0));
		assertThat(holdings.clip(RACE)).isEqualTo(RACE);
	}

	@Test
	void whatIsGivenBackLeavesNothingAndTheClientIsForgotten() {
		holdings.take("a", RACE);
		holdings.take("b", new Amount(2, 1, 0.5));
		assertThat(holdings.occupancy(0, Set.of())).isEqualTo(new Occupancy(2, 0, 5, 1, 1.5, 2));
		holdings.giveBack("a", RACE, 0);
		holdings.giveBack("b", new Amount(2, 1, 0.5), 0);
		assertThat(holdings.occupancy(0, Set.of())).isEqualTo(new Occupancy(0, 0, 0, 0, 0, 0));
	}

	@Test
	void childrenBeyondTheReservationTakeProcessesWhileTheServerAndTheShareHaveThem() {
		Amount withAChild = new Amount(2, 1, 0);
		holdings.take("a", withAChild);
		assertThat(holdings.takeProcess("a")).as("a's second process").isTrue();
		assertThat(holdings.takeProcess("a")).as("a's share is two").isFalse();
		holdings.take("b", withAChild);
		assertThat(holdings.takeProcess("b")).as("the server's three are taken").isFalse();
		holdings.giveBackProcess("a");
		assertThat(holdings.takeProcess("b")).isTrue();
		assertThat(holdings.occupancy(0, Set.of()).processes()).isEqualTo(3);

		holdings.giveBack("b", withAChild, 1);
		holdings.giveBack("a", withAChild, 0);
		assertThat(holdings.occupancy(0, Set.of())).isEqualTo(new Occupancy(0, 0, 0, 0, 0, 0));
	}

	@Test
	void aClientIsCountedOnceWhetherItsRunsHoldRoomOrWait() {
		holdings.take("a", SLEEPER);
		assertThat(holdings.occupancy(3, Set.of("a", "b")).clients()).isEqualTo(2);
		assertThat(holdings.occupancy(3, Set.of("a", "b")).waiting()).isEqualTo(3);
	}

}
