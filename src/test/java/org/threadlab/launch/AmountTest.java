package org.threadlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threadlab.launch.Amount.Kind;

/** Amounts of room add up, are taken back, and are told against a limit kind by kind. */
class AmountTest {

	private static final Amount LIMIT = new Amount(10, 2, 1.5);

	@Test
	void roomAddsUpAndIsTakenBackKindByKind() {
		Amount held = new Amount(3, 1, 0.5).plus(new Amount(2, 0, 1));
		assertThat(held).isEqualTo(new Amount(5, 1, 1.5));
		assertThat(held.minus(new Amount(3, 1, 0.5))).isEqualTo(new Amount(2, 0, 1));
		assertThat(held.plus(Amount.ONE_PROCESS).processes()).isEqualTo(2);
	}

	@Test
	void whatIsBeyondALimitIsNamedByKind() {
		assertThat(new Amount(10, 2, 1.5).fitsIn(LIMIT)).as("exactly the limit").isTrue();
		assertThat(new Amount(11, 2, 1.5).beyond(LIMIT)).containsExactly(Kind.THREADS);
		assertThat(new Amount(11, 3, 2).beyond(LIMIT)).containsExactly(Kind.THREADS, Kind.PROCESSES, Kind.CORES);
		assertThat(new Amount(1, 3, 0).fitsIn(LIMIT)).isFalse();
	}

	@Test
	void coresAddedAsDoublesFitALimitTheyReachExactly() {
		Amount cores = new Amount(0, 0, 0.1).plus(new Amount(0, 0, 0.2));
		assertThat(cores.cores()).as("0.1 + 0.2 is a little over 0.3").isGreaterThan(0.3);
		assertThat(cores.fitsIn(new Amount(0, 0, 0.3))).isTrue();
	}

	@Test
	void aRoomHasTheKindsItHasSomeOf() {
		assertThat(Amount.NONE.kinds()).isEmpty();
		assertThat(new Amount(2, 0, 0).kinds()).containsExactly(Kind.THREADS);
		assertThat(new Amount(2, 1, 0.5).kinds()).containsExactly(Kind.THREADS, Kind.PROCESSES, Kind.CORES);
	}

	@Test
	void roomCutToALimitKeepsWhatFits() {
		assertThat(new Amount(42, 3, 8).atMost(LIMIT)).isEqualTo(new Amount(10, 2, 1.5));
		assertThat(new Amount(4, 0, 0.5).atMost(LIMIT)).isEqualTo(new Amount(4, 0, 0.5));
	}

}
