package org.threadlab.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.threadlab.ThreadLabApplication;
import org.threadlab.rooms.LiveFeed;
import org.threadlab.rooms.RoomCast;
import org.threadlab.rooms.RoomCode;

/**
 * Rooms against the real server on loopback: {@code ./mvnw -Prooms test}. Prints:
 * <ol>
 * <li>one teacher and 200 followers, each from a loopback address of its own, the teacher running lessons
 * at speed 1 for a minute (thread and process lessons, pausing and stepping every other run): p50, p95 and
 * max from an event's recording to its arrival at each follower, and events lost; then the same with 4
 * more followers that stop reading;</li>
 * <li>40 learners behind one address running gil-race at once, outside a room and in one: refused, and
 * how long they waited for their turn;</li>
 * <li>saving and opening 1,000 runs: p50 and p95 per operation.</li>
 * </ol>
 * An event's recording is seen by a sampler polling the room's feed every 0.2 ms (so a latency is at most
 * that much short). Settings: {@code rooms.followers} (200), {@code rooms.seconds} (60). A program, not a
 * test: it asserts nothing.
 */
public final class RoomsBenchmark {

	static final List<String> LESSONS = List.of(
			"{\"type\":\"start\",\"scenario\":\"thread-target\",\"params\":{},\"settings\":{\"speed\":1}}",
			"{\"type\":\"start\",\"scenario\":\"process\",\"params\":{},\"settings\":{\"speed\":1}}",
			"{\"type\":\"start\",\"scenario\":\"queue\",\"params\":{},\"settings\":{\"speed\":1}}",
			"{\"type\":\"start\",\"scenario\":\"pipe\",\"params\":{},\"settings\":{\"speed\":1}}",
			"{\"type\":\"start\",\"scenario\":\"condition-poem\",\"params\":{},\"settings\":{\"speed\":1}}",
			"{\"type\":\"start\",\"scenario\":\"pool-apply\",\"params\":{},\"settings\":{\"speed\":1}}",
			"{\"type\":\"start\",\"scenario\":\"semaphore\",\"params\":{},\"settings\":{\"speed\":1}}");

	private static final Pattern RUN_ID = Pattern.compile("\"runId\":(\\d+)");

	private static final Pattern SEQ = Pattern.compile("\\{\"seq\":(\\d+)");

	private RoomsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int followers = Integer.getInteger("rooms.followers", 200);
		int seconds = Integer.getInteger("rooms.seconds", 60);
		System.out.printf("ThreadLab rooms: %d followers, %d s per phase, on %d cores, %s %s%n", followers, seconds,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
		SpringApplication application = new SpringApplication(ThreadLabApplication.class);
		ConfigurableApplicationContext context = application.run("--server.port=0", "--server.address=127.0.0.1",
				"--server.forward-headers-strategy=native", "--logging.level.root=warn", "--spring.main.banner-mode=off",
				"--threadlab.data-dir=./target/bench-data");
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			RoomCast cast = context.getBean(RoomCast.class);
			List<String> rows = new ArrayList<>();
			rows.add(followPhase(port, cast, 20, 0, 10, "warm-up (not counted)"));
			rows.add(followPhase(port, cast, followers, 0, seconds, followers + " followers"));
			rows.add(followPhase(port, cast, followers, 4, seconds, followers + " followers + 4 that stop reading"));
			System.out.printf("%n%-44s %8s %10s %22s %6s %7s%n", "phase", "runs", "events", "latency p50/p95/max", "lost",
					"closed");
			rows.forEach(System.out::println);
			System.out.println();
			System.out.println(ClassBehindOneAddress.run(port, 40, false));
			System.out.println(ClassBehindOneAddress.run(port, 40, true));
			System.out.println();
			savedRuns(port, 1000);
		}
		finally {
			context.close();
		}
	}

	/** The room's runs as recorded: when the sampler first saw each event of each run. */
	static final class Recorded {

		final Map<Long, long[]> at = new ConcurrentHashMap<>();

		final Map<Long, Long> total = new ConcurrentHashMap<>();

		final AtomicBoolean over = new AtomicBoolean();

		void sample(RoomCast cast, RoomCode code) {
			long seenRun = -1;
			long seen = 0;
			while (!over.get()) {
				Optional<LiveFeed> feed = cast.current(code);
				if (feed.isPresent()) {
					LiveFeed f = feed.get();
					if (f.runId() != seenRun) {
						seenRun = f.runId();
						seen = 0;
						at.put(seenRun, new long[500_000]);
					}
					long kept = f.kept();
					long now = System.nanoTime();
					long[] times = at.get(seenRun);
					for (; seen < kept && seen < times.length; seen++) {
						times[(int) seen] = now;
					}
					if (f.outcome() != null) {
						total.put(seenRun, kept);
					}
				}
				LockSupport.parkNanos(200_000);
			}
		}

	}

	/** One follower's reading: latencies of every event it got, and events missing from runs it saw whole. */
	static final class Follower {

		final List<Long> latencies;

		final AtomicLong events;

		final AtomicLong lost;

		final Map<Long, Long> next = new ConcurrentHashMap<>();

		Follower(List<Long> latencies, AtomicLong events, AtomicLong lost) {
			this.latencies = latencies;
			this.events = events;
			this.lost = lost;
		}

		void read(LoopbackSocket socket, Recorded recorded) throws IOException {
			for (String m; (m = socket.receive()) != null;) {
				long now = System.nanoTime();
				if (m.startsWith("{\"type\":\"room-started\"")) {
					next.put(runId(m), 0L);
				}
				else if (m.startsWith("{\"type\":\"room-events\"")) {
					long run = runId(m);
					long[] times = recorded.at.get(run);
					Matcher seq = SEQ.matcher(m);
					List<Long> mine = new ArrayList<>();
					while (seq.find()) {
						long s = Long.parseLong(seq.group(1));
						Long expected = next.get(run);
						if (expected != null && s != expected) {
							lost.addAndGet(Math.max(0, s - expected));
						}
						next.put(run, s + 1);
						events.incrementAndGet();
						if (times != null && s < times.length && times[(int) s] != 0) {
							mine.add(now - times[(int) s]);
						}
					}
					latencies.addAll(mine);
				}
				else if (m.startsWith("{\"type\":\"room-end\"")) {
					long run = runId(m);
					Long expected = next.remove(run);
					Long total = recorded.total.get(run);
					if (expected != null && total != null && expected < total) {
						lost.addAndGet(total - expected);
					}
				}
			}
		}

		private static long runId(String message) {
			Matcher id = RUN_ID.matcher(message);
			return id.find() ? Long.parseLong(id.group(1)) : -1;
		}

	}

	private static String followPhase(int port, RoomCast cast, int followers, int stalled, int seconds, String name)
			throws Exception {
		LoopbackSocket teacher = new LoopbackSocket("127.0.9.1", port);
		teacher.send("{\"type\":\"room-open\"}");
		String code = null;
		for (String m; code == null && (m = teacher.receive()) != null;) {
			Matcher c = Pattern.compile("\"type\":\"room\",\"code\":\"(\\w+)\"").matcher(m);
			code = c.find() ? c.group(1) : null;
		}
		RoomCode room = new RoomCode(code);
		Recorded recorded = new Recorded();
		Thread sampler = new Thread(() -> recorded.sample(cast, room), "bench-sampler");
		sampler.start();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong events = new AtomicLong();
		AtomicLong lost = new AtomicLong();
		AtomicInteger closed = new AtomicInteger();
		AtomicBoolean phaseOver = new AtomicBoolean();
		List<LoopbackSocket> sockets = new ArrayList<>();
		List<Thread> readers = new ArrayList<>();
		for (int i = 0; i < followers; i++) {
			LoopbackSocket socket = new LoopbackSocket("127.1." + (i / 250) + "." + (i % 250 + 1), port);
			sockets.add(socket);
			socket.send("{\"type\":\"room-join\",\"code\":\"" + code + "\"}");
			Follower follower = new Follower(latencies, events, lost);
			Thread reader = new Thread(() -> {
				try {
					follower.read(socket, recorded);
				}
				catch (IOException ex) {
					closed.addAndGet(phaseOver.get() ? 0 : 1); // closed by the server while the room went on
				}
			}, "follower-" + i);
			reader.start();
			readers.add(reader);
		}
		for (int i = 0; i < stalled; i++) {
			LoopbackSocket socket = new LoopbackSocket("127.2.0." + (i + 1), port, 4096);
			socket.send("{\"type\":\"room-join\",\"code\":\"" + code + "\"}"); // and never reads
			sockets.add(socket);
		}
		int runs = teach(teacher, seconds);
		Thread.sleep(2000); // the last events on their way
		recorded.over.set(true);
		sampler.join();
		phaseOver.set(true);
		teacher.send("{\"type\":\"room-close\"}");
		Thread.sleep(500);
		sockets.forEach(LoopbackSocket::close);
		teacher.close();
		for (Thread reader : readers) {
			reader.join(10_000);
		}
		return String.format("%-44s %8d %10d %10.0f / %.0f / %.0f ms %6d %7d", name, runs, events.get(),
				percentile(latencies, 50) / 1e6, percentile(latencies, 95) / 1e6, percentile(latencies, 100) / 1e6,
				lost.get(), closed.get());
	}

	/** The teacher runs the lessons in turn for {@code seconds}, pausing and stepping every other run. */
	static int teach(LoopbackSocket teacher, int seconds) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		int runs = 0;
		for (int lesson = 0; System.nanoTime() < deadline; lesson++) {
			teacher.send(LESSONS.get(lesson % LESSONS.size()));
			String m;
			while ((m = teacher.receive()) != null && !m.startsWith("{\"type\":\"started\"")) {
				// roster, queued
			}
			Thread steering = lesson % 2 == 1 ? steer(teacher) : null; // every other run: pause, two steps, resume
			while ((m = teacher.receive()) != null && !m.startsWith("{\"type\":\"end\"")) {
				if (System.nanoTime() > deadline + TimeUnit.SECONDS.toNanos(30)) {
					teacher.send("{\"type\":\"cancel\"}");
				}
			}
			if (steering != null) {
				steering.join();
			}
			runs++;
		}
		return runs;
	}

	/** Pauses the teacher's run 0.4 s in, steps twice, resumes: on a thread of its own, as a teacher's hands are. */
	private static Thread steer(LoopbackSocket teacher) {
		Thread steering = new Thread(() -> {
			try {
				for (String message : List.of("pause", "step", "step", "resume")) {
					Thread.sleep(message.equals("pause") ? 400 : 250);
					teacher.send("{\"type\":\"" + message + "\"}");
				}
			}
			catch (IOException ex) {
				// the socket is gone: the phase is over
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "bench-teacher-steers");
		steering.start();
		return steering;
	}

	private static void savedRuns(int port, int count) throws Exception {
		StringBuilder events = new StringBuilder();
		for (int i = 0; i < 400; i++) {
			events.append(i == 0 ? "" : ",").append("{\"seq\":").append(i).append(",\"timeNs\":").append(i * 1000)
				.append(",\"actor\":").append(i % 3).append(",\"kind\":\"SLEEP\",\"object\":null,\"value\":2.0,\"line\":31,\"cause\":-1}");
		}
		String recording = "{\"format\":\"threadlab-recording\",\"version\":1,\"scenario\":\"thread-target\",\"lang\":\"en\","
				+ "\"started\":{\"runId\":1,\"speed\":1,\"params\":{},\"settings\":{}},\"lessonTime\":true,\"events\":[" + events
				+ "],\"outcome\":{\"status\":\"COMPLETED\",\"error\":null,\"elapsedNs\":4000000000,\"dropped\":0}}";
		HttpClient http = HttpClient.newHttpClient();
		List<Long> saves = new ArrayList<>();
		List<Long> opens = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		int failed = 0;
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs"))
				.header("Content-Type", "application/json")
				.header("X-Forwarded-For", "10.50." + (i / 20 / 250) + "." + (i / 20 % 250 + 1)) // 20 saves per address
				.POST(HttpRequest.BodyPublishers.ofString(recording))
				.build(), HttpResponse.BodyHandlers.ofString());
			saves.add(System.nanoTime() - start);
			Matcher id = Pattern.compile("\"id\":\"([\\w-]+)\"").matcher(saved.body());
			if (saved.statusCode() == 201 && id.find()) {
				ids.add(id.group(1));
			}
			else {
				failed++;
			}
		}
		for (String id : ids) {
			long start = System.nanoTime();
			HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs/" + id))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			opens.add(System.nanoTime() - start);
			failed += opened.statusCode() == 200 && opened.body().length() == recording.length() ? 0 : 1;
		}
		System.out.printf("Saved runs (%d bytes each, %d of them): save p50 %.1f ms, p95 %.1f ms; open p50 %.1f ms, "
				+ "p95 %.1f ms; failed %d%n", recording.length(), count, percentile(saves, 50) / 1e6,
				percentile(saves, 95) / 1e6, percentile(opens, 50) / 1e6, percentile(opens, 95) / 1e6, failed);
	}

	static double percentile(List<Long> values, int p) {
		List<Long> sorted;
		synchronized (values) {
			sorted = new ArrayList<>(values);
		}
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}
