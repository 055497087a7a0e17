package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The caps hold however many sockets open at once, and every place given back can be taken again. */
class SocketCapsTest {

	private static SocketCaps caps(int max, int perClient) {
		return new SocketCaps(new WebLimits(30, 900, List.of(), max, new WebLimits.Client(perClient, 60)),
				new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
	}

	@Test
	void aClientGetsItsShareAndTheServerItsLimitNoMore() {
		SocketCaps caps = caps(5, 3);
		for (int i = 0; i < 3; i++) {
			assertThat(caps.take("a")).isNull();
		}
		assertThat(caps.full("a")).isEqualTo(SocketCaps.Cap.CLIENT);
		assertThat(caps.take("a")).isEqualTo(SocketCaps.Cap.CLIENT);
		assertThat(caps.take("b")).isNull();
		assertThat(caps.take("b")).isNull();
		assertThat(caps.full("c")).isEqualTo(SocketCaps.Cap.SERVER);
		assertThat(caps.take("c")).isEqualTo(SocketCaps.Cap.SERVER);
		caps.giveBack("a");
		assertThat(caps.take("c")).isNull();
		assertThat(caps.open()).isEqualTo(5);
	}

	@Test
	void sixteenThreadsTakingAtOnceNeverGetMoreThanTheCaps() throws Exception {
		SocketCaps caps = caps(50, 10);
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			for (int round = 0; round < 50; round++) {
				CyclicBarrier together = new CyclicBarrier(16);
				List<Future<Integer>> taken = new java.util.ArrayList<>();
				for (int t = 0; t < 16; t++) {
					String client = "client-" + (t % 8);
					taken.add(threads.submit(() -> {
						together.await(10, TimeUnit.SECONDS);
						int mine = 0;
						for (int i = 0; i < 5; i++) {
							mine += caps.take(client) == null ? 1 : 0;
						}
						return mine;
					}));
				}
				int total = 0;
				for (Future<Integer> f : taken) {
					total += f.get(10, TimeUnit.SECONDS);
				}
				assertThat(total).as("8 clients of at most 10 each, 50 in all").isEqualTo(50);
				assertThat(caps.open()).isEqualTo(50);
				for (int c = 0; c < 8; c++) {
					String client = "client-" + c;
					assertThat(caps.openOf(client)).isBetween(0, 10);
					for (int held = caps.openOf(client); held > 0; held--) {
						caps.giveBack(client);
					}
				}
				assertThat(caps.open()).isZero();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
