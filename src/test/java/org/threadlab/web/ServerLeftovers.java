package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import org.threadlab.launch.Occupancy;
import org.threadlab.launch.RunLauncher;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.RunThreads;

/** What the socket tests check the server has let go of once they are done: sockets, runs, streams, room, threads. */
final class ServerLeftovers {

	private ServerLeftovers() {
	}

	/** No socket open, no run's thread alive, no stream followed, no room held or waited for. */
	static void awaitNone(RunSocketHandler sockets, EventPump pump, RunLauncher launcher) throws InterruptedException {
		awaitZero(sockets::open, "open sockets");
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(20))).isEmpty();
		awaitZero(pump::following, "streams followed");
		assertThat(launcher.occupancy()).isEqualTo(new Occupancy(0, 0, 0, 0, 0, 0));
	}

	static void awaitZero(IntSupplier count, String what) throws InterruptedException {
		// the server lets go on its own threads
		Eventually.within(Duration.ofSeconds(20)).until("no " + what, count::getAsInt, n -> n == 0);
	}

	/** Live threads, less the ones that come and go with connections (the web server's and HTTP client's pools, Tomcat's timeout checker). */
	static Set<String> liveThreads() {
		// the JDK's process reapers are pooled too, and named after the pid each waits for
		List<String> pooled = List.of("http-nio-", "HttpClient-", "threadlab-send-", "process reaper",
				"WebSocket background processing");
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter(name -> pooled.stream().noneMatch(name::startsWith))
			.collect(Collectors.toSet());
	}

}
