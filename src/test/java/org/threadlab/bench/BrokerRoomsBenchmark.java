package org.threadlab.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.threadlab.rooms.RoomCast;
import org.threadlab.rooms.RoomCode;
import org.threadlab.testing.BrokerServers;

/**
 * A room across two servers, as two containers of a workshop behind a load balancer:
 * {@code ./mvnw -Prooms-broker test}. Two servers in this JVM share a real RabbitMQ and PostgreSQL
 * ({@link BrokerServers}; the benchmark says so and stops when either is missing); a teacher on server
 * A runs lessons at speed 1 for a minute (those of {@link RoomsBenchmark}, pausing and stepping every
 * other run) and 200 followers watch, half on A, half on B. Prints p50, p95 and max from an event's
 * recording on A to its arrival at each follower, for all and for each server, and events lost. Settings:
 * {@code rooms.followers} (200), {@code rooms.seconds} (60). A program, not a test: it asserts nothing.
 */
public final class BrokerRoomsBenchmark {

	private static final Pattern CODE = Pattern.compile("\"type\":\"room\",\"code\":\"(\\w+)\"");

	private BrokerRoomsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int followers = Integer.getInteger("rooms.followers", 200);
		int seconds = Integer.getInteger("rooms.seconds", 60);
		String missing = BrokerServers.missing();
		if (missing != null) {
			System.out.println("ThreadLab rooms across two servers: not run: " + missing
					+ " (.ci/run installs and starts Debian's rabbitmq-server and postgresql)");
			return;
		}
		System.out.printf("ThreadLab rooms across two servers: %d followers (half on each), %d s per phase, on %d cores, %s %s%n",
				followers, seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
				System.getProperty("java.version"));
		try (BrokerServers servers = BrokerServers.start(2, "bench", "--threadlab.children.spares=3",
				"--threadlab.children.cds=true", "--threadlab.data-dir=./target/bench-data")) {
			RoomCast cast = servers.context(0).getBean(RoomCast.class);
			List<String> rows = new ArrayList<>();
			phase(servers, cast, 20, 10, "warm-up (not counted)");
			rows.addAll(phase(servers, cast, followers, seconds, followers + " followers"));
			System.out.printf("%n%-40s %6s %10s %24s %6s %7s%n", "followers", "runs", "events", "latency p50/p95/max", "lost",
					"closed");
			rows.forEach(System.out::println);
		}
	}

	/** One teacher on A, followers alternately on A and B; rows for all, those on A, those on B. */
	private static List<String> phase(BrokerServers servers, RoomCast cast, int followers, int seconds, String name)
			throws Exception {
		LoopbackSocket teacher = new LoopbackSocket("127.0.9.1", servers.port(0));
		teacher.send("{\"type\":\"room-open\"}");
		String code = null;
		for (String m; code == null && (m = teacher.receive()) != null;) {
			Matcher c = CODE.matcher(m);
			code = c.find() ? c.group(1) : null;
		}
		RoomCode room = new RoomCode(code);
		RoomsBenchmark.Recorded recorded = new RoomsBenchmark.Recorded();
		Thread sampler = new Thread(() -> recorded.sample(cast, room), "bench-sampler");
		sampler.start();
		List<List<Long>> latencies = List.of(Collections.synchronizedList(new ArrayList<>()),
				Collections.synchronizedList(new ArrayList<>()));
		List<Long> all = Collections.synchronizedList(new ArrayList<>());
		AtomicLong[] events = { new AtomicLong(), new AtomicLong() };
		AtomicLong[] lost = { new AtomicLong(), new AtomicLong() };
		AtomicInteger[] closed = { new AtomicInteger(), new AtomicInteger() };
		AtomicBoolean over = new AtomicBoolean();
		List<LoopbackSocket> sockets = new ArrayList<>();
		List<Thread> readers = new ArrayList<>();
		for (int i = 0; i < followers; i++) {
			int server = i % 2;
			LoopbackSocket socket = new LoopbackSocket("127." + (1 + 2 * server) + "." + (i / 250) + "." + (i % 250 + 1),
					servers.port(server));
			sockets.add(socket);
			socket.send("{\"type\":\"room-join\",\"code\":\"" + code + "\"}");
			RoomsBenchmark.Follower follower = new RoomsBenchmark.Follower(latencies.get(server), events[server], lost[server]);
			Thread reader = new Thread(() -> {
				try {
					follower.read(socket, recorded);
				}
				catch (IOException ex) {
					closed[server].addAndGet(over.get() ? 0 : 1);
				}
			}, "follower-" + i);
			reader.start();
			readers.add(reader);
		}
		int runs = RoomsBenchmark.teach(teacher, seconds);
		Thread.sleep(2000); // the last events on their way
		recorded.over.set(true);
		sampler.join();
		over.set(true);
		teacher.send("{\"type\":\"room-close\"}");
		Thread.sleep(500);
		sockets.forEach(LoopbackSocket::close);
		teacher.close();
		for (Thread reader : readers) {
			reader.join(10_000);
		}
		all.addAll(latencies.get(0));
		all.addAll(latencies.get(1));
		return List.of(row(name + ", all", runs, events[0].get() + events[1].get(), all, lost[0].get() + lost[1].get(),
				closed[0].get() + closed[1].get()),
				row("  on A (the teacher's server)", runs, events[0].get(), latencies.get(0), lost[0].get(), closed[0].get()),
				row("  on B (through RabbitMQ)", runs, events[1].get(), latencies.get(1), lost[1].get(), closed[1].get()));
	}

	private static String row(String name, int runs, long events, List<Long> latencies, long lost, int closed) {
		return String.format("%-40s %6d %10d %10.0f / %.0f / %.0f ms %6d %7d", name, runs, events,
				RoomsBenchmark.percentile(latencies, 50) / 1e6, RoomsBenchmark.percentile(latencies, 95) / 1e6,
				RoomsBenchmark.percentile(latencies, 100) / 1e6, lost, closed);
	}

}
