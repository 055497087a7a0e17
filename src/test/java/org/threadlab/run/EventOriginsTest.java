package org.threadlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;

/** A cause may name another process's event; the run finds where that event landed, even a little later. */
class EventOriginsTest {

	private static final long SERVER = 1000;

	private static final long CHILD = 2000;

	private final EventOrigins origins = new EventOrigins(SERVER);

	@Test
	void aForeignCausePacksThePidAndTheSeqAndIsNeverAPlainOne() {
		long cause = EventOrigins.foreign(4_194_303, 123_456_789L);
		assertThat(EventOrigins.isForeign(cause)).isTrue();
		assertThat(EventOrigins.pidOf(cause)).isEqualTo(4_194_303);
		assertThat(EventOrigins.seqOf(cause)).isEqualTo(123_456_789L);
		assertThat(EventOrigins.isForeign(Event.NO_CAUSE)).isFalse();
		assertThat(EventOrigins.isForeign(0)).isFalse();
	}

	@Test
	void theRunsOwnProcessNumbersItsEventsAsTheRunDoes() {
		assertThat(origins.find(SERVER, 42, 0)).isEqualTo(42);
	}

	@Test
	void aChildsEventIsFoundWhereItLanded() {
		origins.opened(CHILD);
		origins.landed(CHILD, 0, 17);
		origins.landed(CHILD, 1, 19);
		assertThat(origins.find(CHILD, 1, 0)).isEqualTo(19);
	}

	@Test
	void anEventStillOnItsWayIsWaitedFor() throws Exception {
		origins.opened(CHILD);
		CompletableFuture<Long> found = CompletableFuture.supplyAsync(() -> origins.find(CHILD, 2, TimeUnit.SECONDS.toNanos(30)));
		origins.landed(CHILD, 0, 5);
		origins.landed(CHILD, 1, 6);
		origins.landed(CHILD, 2, 9);
		assertThat(found.get(30, TimeUnit.SECONDS)).isEqualTo(9);
	}

	@Test
	void anEventThatNeverComesGivesNoCauseAtTheDeadline() {
		origins.opened(CHILD);
		assertThat(origins.find(CHILD, 0, TimeUnit.MILLISECONDS.toNanos(20))).isEqualTo(Event.NO_CAUSE);
	}

	@Test
	void oncePipeHasEndedNothingIsWaitedFor() throws Exception {
		origins.opened(CHILD);
		origins.closed(CHILD);
		CompletableFuture<Long> found = CompletableFuture.supplyAsync(() -> origins.find(CHILD, 0, TimeUnit.HOURS.toNanos(1)));
		assertThat(found.get(30, TimeUnit.SECONDS)).isEqualTo(Event.NO_CAUSE);
	}

	@Test
	void eventsTheChildDroppedOrAProcessNotOfTheRunHaveNoPlace() {
		origins.opened(CHILD);
		origins.landed(CHILD, 3, 30);
		assertThat(origins.find(CHILD, 1, 0)).isEqualTo(Event.NO_CAUSE);
		assertThat(origins.find(CHILD, 3, 0)).isEqualTo(30);
		assertThat(origins.find(3000, 0, TimeUnit.SECONDS.toNanos(10))).isEqualTo(Event.NO_CAUSE);
	}

}
