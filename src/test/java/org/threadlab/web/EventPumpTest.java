package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.threadlab.run.PauseGate;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;

import tools.jackson.databind.json.JsonMapper;

/** Nothing one socket throws, an Error included, stops the pump: that socket's run stops, the others go on. */
class EventPumpTest {

	/** A socket whose every send runs out of memory. */
	private static final class BrokenWire implements Outbox.Wire {

		@Override
		public void send(String text, Consumer<Throwable> done) {
			throw new OutOfMemoryError("a test's: no memory left for this socket");
		}

		@Override
		public void abort(String why) {
		}

	}

	/** A socket that takes every message at once. */
	private static final class QuickWire implements Outbox.Wire {

		final List<String> sent = new CopyOnWriteArrayList<>();

		@Override
		public void send(String text, Consumer<Throwable> done) {
			sent.add(text);
			done.accept(null);
		}

		@Override
		public void abort(String why) {
		}

	}

	private static Run aShortRun() {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(10), 1_000);
		run.start("main", () -> Thread.sleep(20));
		return run;
	}

	private static RunStream follow(EventPump pump, Run run, Outbox.Wire wire, CountDownLatch delivered) {
		RunStream stream = new RunStream(run, new PauseGate(run.clock()), new Outbox(wire), delivered::countDown);
		pump.follow(stream);
		return stream;
	}

	@Test
	void aSocketThatThrowsAnErrorStopsItsOwnRunAndNoOneElses() throws Exception {
		EventPump pump = new EventPump(JsonMapper.builder().build());
		try {
			Run broken = aShortRun();
			Run other = aShortRun();
			CountDownLatch brokenDelivered = new CountDownLatch(1);
			CountDownLatch otherDelivered = new CountDownLatch(1);
			QuickWire quick = new QuickWire();
			follow(pump, broken, new BrokenWire(), brokenDelivered);
			follow(pump, other, quick, otherDelivered);
			assertThat(otherDelivered.await(10, TimeUnit.SECONDS)).as("the other socket got its run's end").isTrue();
			assertThat(quick.sent.get(quick.sent.size() - 1)).contains("\"type\":\"end\"");
			ServerLeftovers.awaitZero(pump::following, "streams followed");
			assertThat(brokenDelivered.getCount()).as("the broken socket's end never went").isEqualTo(1);
			broken.outcome().get(10, TimeUnit.SECONDS);

			CountDownLatch later = new CountDownLatch(1);
			follow(pump, aShortRun(), new QuickWire(), later);
			assertThat(later.await(10, TimeUnit.SECONDS)).as("the pump still serves a socket that came later").isTrue();
		}
		finally {
			pump.destroy();
		}
	}

}
