package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** A socket's outbox: one message on the wire at a time, the rest in order, and a slow client is closed. */
class OutboxTest {

	/** A wire that keeps each send going until the test says it has gone. */
	private static final class HeldWire implements Outbox.Wire {

		final List<String> sent = new ArrayList<>();

		final List<Consumer<Throwable>> going = new ArrayList<>();

		final List<String> aborted = new ArrayList<>();

		@Override
		public void send(String text, Consumer<Throwable> done) {
			sent.add(text);
			going.add(done);
		}

		@Override
		public void abort(String why) {
			aborted.add(why);
		}

		void gone() {
			going.remove(0).accept(null);
		}

	}

	@Test
	void oneMessageIsOnTheWireAtATimeAndTheOthersFollowInOrder() {
		HeldWire wire = new HeldWire();
		Outbox outbox = new Outbox(wire);
		assertThat(outbox.isIdle()).isTrue();
		outbox.post("a", null);
		outbox.post("b", null);
		outbox.post("c", null);
		assertThat(wire.sent).containsExactly("a");
		assertThat(outbox.isIdle()).isFalse();
		wire.gone();
		assertThat(wire.sent).containsExactly("a", "b");
		wire.gone();
		wire.gone();
		assertThat(wire.sent).containsExactly("a", "b", "c");
		assertThat(outbox.isIdle()).isTrue();
		assertThat(outbox.busyNanos()).isZero();
	}

	@Test
	void onlyTheLatestWaitingMessageOfAKindGoes() {
		HeldWire wire = new HeldWire();
		Outbox outbox = new Outbox(wire);
		outbox.post("started", null);
		outbox.post("queued 3", "queued");
		outbox.post("error", null);
		outbox.post("queued 2", "queued");
		while (!wire.going.isEmpty()) {
			wire.gone();
		}
		assertThat(wire.sent).as("the latest place, where the first one stood").containsExactly("started", "queued 2", "error");
	}

	@Test
	void aClientThatLetsMessagesPileUpIsClosedAndNothingMoreGoes() {
		HeldWire wire = new HeldWire();
		Outbox outbox = new Outbox(wire);
		outbox.post("on the wire", null);
		for (int i = 0; i < Outbox.MAX_WAITING; i++) {
			assertThat(outbox.post("waiting " + i, null)).isTrue();
		}
		assertThat(wire.aborted).isEmpty();
		assertThat(outbox.post("one too many", null)).isFalse();
		assertThat(wire.aborted).hasSize(1);
		assertThat(outbox.isClosed()).isTrue();
		wire.gone();
		assertThat(wire.sent).containsExactly("on the wire");
	}

	@Test
	void aSendThatFailsOrTimesOutClosesTheSocket() {
		HeldWire wire = new HeldWire();
		Outbox outbox = new Outbox(wire);
		outbox.post("a", null);
		outbox.post("b", null);
		wire.going.remove(0).accept(new java.net.SocketTimeoutException());
		assertThat(wire.aborted).hasSize(1);
		assertThat(wire.sent).containsExactly("a");
		assertThat(outbox.post("c", null)).isFalse();
		assertThat(outbox.isIdle()).as("closed is never idle: no more batches").isFalse();
	}

	@Test
	void aWireThatThrowsAtOnceCountsAsAFailedSend() {
		Outbox outbox = new Outbox(new Outbox.Wire() {
			@Override
			public void send(String text, Consumer<Throwable> done) {
				throw new IllegalStateException("the session is closed");
			}

			@Override
			public void abort(String why) {
			}
		});
		outbox.post("a", null);
		assertThat(outbox.isClosed()).isTrue();
	}

}
