package org.threadlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threadlab.launch.Room.Kind;

/** Amounts of room add up, are taken back, and are told against a limit kind by kind. */
class RoomTest {

	private static final Room LIMIT = new Room(10, 2, 1.5);

	@Test
	void roomAddsUpAndIsTakenBackKindByKind() {
		Room held = new Room(3, 1, 0.5).plus(new Room(2, 0, 1));
		assertThat(held).isEqualTo(new Room(5, 1, 1.5));
		assertThat(held.minus(new Room(3, 1, 0.5))).isEqualTo(new Room(2, 0, 1));
		assertThat(held.plus(Room.ONE_PROCESS).processes()).isEqualTo(2);
	}

	@Test
	void whatIsBeyondALimitIsNamedByKind() {
		assertThat(new Room(10, 2, 1.5).fitsIn(LIMIT)).as("exactly the limit").isTrue();
		assertThat(new Room(11, 2, 1.5).beyond(LIMIT)).containsExactly(Kind.THREADS);
		assertThat(new Room(11, 3, 2).beyond(LIMIT)).containsExactly(Kind.THREADS, Kind.PROCESSES, Kind.CORES);
		assertThat(new Room(1, 3, 0).fitsIn(LIMIT)).isFalse();
	}

	@Test
	void coresAddedAsDoublesFitALimitTheyReachExactly() {
		Room cores = new Room(0, 0, 0.1).plus(new Room(0, 0, 0.2));
		assertThat(cores.cores()).as("0.1 + 0.2 is a little over 0.3").isGreaterThan(0.3);
		assertThat(cores.fitsIn(new Room(0, 0, 0.3))).isTrue();
	}

	@Test
	void aRoomHasTheKindsItHasSomeOf() {
		assertThat(Room.NONE.kinds()).isEmpty();
		assertThat(new Room(2, 0, 0).kinds()).containsExactly(Kind.THREADS);
		assertThat(new Room(2, 1, 0.5).kinds()).containsExactly(Kind.THREADS, Kind.PROCESSES, Kind.CORES);
	}

	@Test
	void roomCutToALimitKeepsWhatFits() {
		assertThat(new Room(42, 3, 8).atMost(LIMIT)).isEqualTo(new Room(10, 2, 1.5));
		assertThat(new Room(4, 0, 0.5).atMost(LIMIT)).isEqualTo(new Room(4, 0, 0.5));
	}

}
