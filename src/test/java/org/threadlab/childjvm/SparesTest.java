package org.threadlab.childjvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.threadlab.testing.Eventually;

/**
 * Spares kept to the demand, with stand-ins for child JVMs (a shell that says READY and waits on its
 * standard input, as a spare does): a class taking them fast gets more of them, readied a core's worth
 * at a time, and none outlives {@link Spares#close()}.
 */
class SparesTest {

	@Test
	void aClassTakingSparesFastGetsMoreOfThemReady() throws Exception {
		List<Process> launched = new ArrayList<>();
		Spares spares = new Spares(new SpareDemand(2, 6, 2), () -> {
			Process p = new ProcessBuilder("sh", "-c", "echo READY; exec cat").start();
			synchronized (launched) {
				launched.add(p);
			}
			return p;
		});
		List<ChildJvm> taken = new ArrayList<>();
		try {
			Eventually.within(Duration.ofSeconds(30)).every(Duration.ofMillis(20))
				.until("two spares ready", () -> spares.idleCount() == 2);
			for (int i = 0; i < 12; i++) { // twelve processes asked for in a moment
				ChildJvm spare = spares.take();
				if (spare != null) {
					taken.add(spare);
				}
			}
			assertThat(taken).hasSize(2);
			Eventually.within(Duration.ofSeconds(30)).every(Duration.ofMillis(20))
				.until("more spares than when calm", () -> spares.idleCount() > 2);
			assertThat(spares.idleCount()).isLessThanOrEqualTo(6);
		}
		finally {
			spares.close();
			taken.forEach(t -> t.process().destroyForcibly());
		}
		synchronized (launched) {
			for (Process p : launched) {
				p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
	}

}
