package org.threadlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A listing under CPython waits its turn in the admission's queue as a run does, and gives its room back. */
class SeatTest {

	private static final Amount LISTING = new Amount(2, 1, 0);

	private final Admission admission = new Admission(new AdmissionLimits(100, 1, 2, 10,
			new AdmissionLimits.Share(100, 1, 1, 10)));

	@AfterEach
	void close() {
		admission.close();
	}

	/** What one seat's listener heard: "queued 1", "admitted". */
	private static final class Heard implements SeatListener {

		final List<String> said = new CopyOnWriteArrayList<>();

		volatile Seat seat;

		@Override
		public void queued(int position) {
			said.add("queued " + position);
		}

		@Override
		public void admitted(Seat admitted) {
			seat = admitted;
			said.add("admitted");
		}

	}

	private Seat seat(String client, Heard heard) throws Exception {
		Seat seat = new Seat(heard);
		seat.ticket(admission.enqueue(client, LISTING, seat));
		quiet();
		return seat;
	}

	private void quiet() throws InterruptedException {
		// twice: a pass scheduled by the first round of calls runs before the second marker
		assertThat(admission.awaitQuiet(10, TimeUnit.SECONDS)).isTrue();
		assertThat(admission.awaitQuiet(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aListingThatDoesNotFitWaitsAndStartsWhenTheOneBeforeGivesItsRoomBack() throws Exception {
		Heard first = new Heard();
		Heard second = new Heard();
		Seat one = seat("a", first);
		Seat two = seat("b", second);
		assertThat(first.said).containsExactly("admitted");
		assertThat(second.said).containsExactly("queued 1");
		assertThat(two.isWaiting()).isTrue();
		assertThat(admission.occupancy().processes()).isEqualTo(1);
		one.release();
		one.release();
		quiet();
		assertThat(second.said).containsExactly("queued 1", "admitted");
		assertThat(two.isWaiting()).isFalse();
		two.release();
		assertThat(admission.occupancy()).isEqualTo(new Occupancy(0, 0, 0, 0, 0, 0));
	}

	@Test
	void aWithdrawnListingHearsNothingMoreAndHoldsNothing() throws Exception {
		Heard first = new Heard();
		Heard second = new Heard();
		Seat one = seat("a", first);
		Seat two = seat("b", second);
		assertThat(two.withdraw()).isTrue();
		assertThat(one.withdraw()).as("admitted: it is released, not withdrawn").isFalse();
		one.release();
		quiet();
		assertThat(second.said).containsExactly("queued 1");
		assertThat(admission.occupancy()).isEqualTo(new Occupancy(0, 0, 0, 0, 0, 0));
	}

	@Test
	void aListingWithdrawnBeforeItsAdmissionWasToldGivesItsRoomBack() throws Exception {
		Heard heard = new Heard();
		Seat seat = new Seat(heard);
		seat.withdraw(); // as a socket that closed before the admission answered
		seat.ticket(admission.enqueue("a", LISTING, seat));
		quiet();
		assertThat(heard.said).isEmpty();
		assertThat(admission.occupancy()).isEqualTo(new Occupancy(0, 0, 0, 0, 0, 0));
	}

}
