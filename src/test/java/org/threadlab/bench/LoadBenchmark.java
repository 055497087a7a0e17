package org.threadlab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.threadlab.ThreadLabApplication;
import org.threadlab.launch.Occupancy;
import org.threadlab.launch.RunEnded;
import org.threadlab.launch.RunLauncher;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.RawWebSocket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A room of learners against the real server on loopback: {@code ./mvnw -Pload test}. Each learner is a
 * WebSocket client from an address of its own (as a proxy the server trusts forwards it) that runs the
 * tutorial's lessons at speed 1, back to back, for a fixed time; the mix includes CPU-bound lessons
 * (gil-race, lock-counter) and a child-process lesson (thread-target's daemon variant) and grows with
 * {@link #LESSONS}. Two phases: the room alone, then the room with four slow readers (sockets that stop
 * reading while their runs pour out events) in place of four learners. Prints, per phase: runs done,
 * refused, queued and how long they waited, and how long a run's end took from being recorded to
 * reaching its learner; then the threads, child processes and heap after the room has left, against
 * before it came.
 * <p>
 * Settings (system properties): {@code load.learners} (200), {@code load.seconds} per phase (60),
 * {@code load.warmup} seconds (15), {@code load.server} (the server's settings to try, as arguments:
 * {@code --threadlab.admission.cores=2}). A program, not a test: it asserts nothing.
 */
public final class LoadBenchmark {

	/** The lessons, with the tutorial's values, at speed 1. */
	static final List<String> LESSONS = List.of(lesson("thread-target", "{}"),
			lesson("thread-target", "{\"daemon\":true,\"join\":false}"), lesson("gil-race", "{}"),
			lesson("thread-subclass", "{}"), lesson("shared-list", "{}"), lesson("queue", "{}"),
			lesson("lock-counter", "{}"), lesson("rlock", "{}"), lesson("deadlock", "{}"),
			lesson("condition-poem", "{}"), lesson("semaphore", "{}"), lesson("future-basics", "{}"),
			lesson("as-completed", "{}"), lesson("executor-map", "{}"), lesson("wait-first", "{}"),
			lesson("pool-internals", "{}"));

	/** A slow reader's run: twenty consumers polling a shared list every real millisecond. */
	static final String POURING = "{\"type\":\"start\",\"scenario\":\"shared-list\",\"params\":{\"urls\":60,"
			+ "\"maxLength\":1,\"consumers\":20,\"listSeconds\":10,\"detailSeconds\":10,\"pollSeconds\":0.1},"
			+ "\"settings\":{\"speed\":100}}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static String lesson(String scenario, String params) {
		return "{\"type\":\"start\",\"scenario\":\"" + scenario + "\",\"params\":" + params + ",\"settings\":{\"speed\":1}}";
	}

	/** When each run ended on the server, by run id: the start of its end's trip to the learner. */
	private static final Map<Long, Long> ENDED = new ConcurrentHashMap<>();

	private LoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int learners = Integer.getInteger("load.learners", 200);
		int seconds = Integer.getInteger("load.seconds", 60);
		int warmup = Integer.getInteger("load.warmup", 15);
		System.out.printf("ThreadLab load: %d learners, %d s per phase, on %d cores, %s %s, load average before: %s%n",
				learners, seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
				System.getProperty("java.version"), loadAverage());

		SpringApplication application = new SpringApplication(ThreadLabApplication.class);
		application.addListeners(ApplicationListener.forPayload((RunEnded ended) -> ENDED.put(ended.runId(), ended.endedNanos())));
		List<String> serverArgs = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--server.forward-headers-strategy=native", "--logging.level.root=warn", "--spring.main.banner-mode=off"));
		for (String extra : System.getProperty("load.server", "").split("\\s+")) {
			if (!extra.isBlank()) {
				serverArgs.add(extra); // settings to try: -Dload.server="--threadlab.admission.cores=2"
			}
		}
		ConfigurableApplicationContext context = application.run(serverArgs.toArray(String[]::new));
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			RunLauncher launcher = context.getBean(RunLauncher.class);
			System.out.printf("Admission: %s%n%n", context.getEnvironment().getProperty("threadlab.admission.threads")
					+ " threads, " + context.getEnvironment().getProperty("threadlab.admission.processes") + " processes, "
					+ context.getEnvironment().getProperty("threadlab.admission.cores") + " cores");
			room(port, launcher, learners, 0, warmup, null);
			awaitQuiet(launcher);
			Baseline before = Baseline.now(); // after a warm-up: the server's own threads and pools are there
			Figures alone = room(port, launcher, learners, 0, seconds, "the room alone");
			Figures withSlow = room(port, launcher, learners - 4, 4, seconds, "with 4 slow readers");
			System.out.println();
			Figures.header();
			alone.print();
			withSlow.print();
			alone.printWaitsByLesson();

			awaitQuiet(launcher);
			Baseline after = Baseline.now();
			System.out.printf("%nAfter the room left (before it came): run threads %d (%d), child processes %d (%d), "
					+ "all threads %d (%d), heap used after GC %d MB (%d MB)%n", after.runThreads, before.runThreads,
					after.children, before.children, after.threads.size(), before.threads.size(), after.heapMb,
					before.heapMb);
			List<String> more = new ArrayList<>(after.threads);
			more.removeIf(thread -> thread.startsWith("HttpClient-")); // the learners' own, not the server's
			before.threads.forEach(more::remove);
			if (!more.isEmpty()) {
				System.out.printf("Threads more than before (pools that shrink when idle): %s%n", more);
			}
			System.out.printf("Load average after: %s%n", loadAverage());
		}
		finally {
			context.close();
		}
	}

	/** One phase: learners run lessons back to back for the given time, slow readers pour and stall. */
	private static Figures room(int port, RunLauncher launcher, int learners, int slowReaders, int seconds,
			String name) throws Exception {
		Figures figures = new Figures(name, learners, slowReaders);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		AtomicBoolean over = new AtomicBoolean();
		ExecutorService callbacks = Executors.newFixedThreadPool(4);
		List<HttpClient> clients = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			clients.add(HttpClient.newBuilder().executor(callbacks).build());
		}
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < learners; i++) {
			int n = i;
			Thread learner = new Thread(() -> learn(port, clients.get(n % clients.size()), n, deadline, figures),
					"learner-" + i);
			learner.start();
			threads.add(learner);
		}
		for (int i = 0; i < slowReaders; i++) {
			int n = i;
			Thread slow = new Thread(() -> pourWithoutReading(port, n, over), "slow-reader-" + i);
			slow.start();
			threads.add(slow);
		}
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> figures.sample(launcher.occupancy()), 0, 100, TimeUnit.MILLISECONDS);
		while (System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		over.set(true);
		for (Thread thread : threads) {
			thread.join(TimeUnit.MINUTES.toMillis(3));
		}
		sampler.shutdownNow();
		callbacks.shutdown();
		return figures;
	}

	/** One learner: the lessons in turn, each run to its end, until the phase is over. */
	private static void learn(int port, HttpClient http, int n, long deadline, Figures figures) {
		Learner learner;
		try {
			learner = new Learner(http, port, "10.20." + (n / 250) + "." + (n % 250 + 1));
		}
		catch (RuntimeException ex) {
			figures.errors.incrementAndGet();
			return;
		}
		try {
			for (int lesson = n; System.nanoTime() < deadline; lesson++) {
				learner.run(lesson % LESSONS.size(), figures);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			learner.close();
		}
	}

	/**
	 * A slow reader: starts a few runs that pour out events (more than the kernel's buffers hold), then
	 * never reads; it keeps writing a cancel now and then (which ends its last run, then does nothing),
	 * until writing fails because the server has closed it for stalling; then it comes back.
	 */
	private static void pourWithoutReading(int port, int n, AtomicBoolean over) {
		while (!over.get()) {
			try (RawWebSocket socket = RawWebSocket.open(port, Map.of("X-Forwarded-For", "10.30.0." + (n + 1)), 4096)) {
				for (int i = 0; i < 12 && !over.get(); i++) {
					socket.sendText(POURING); // each replaces the last: another run's worth of events
					Thread.sleep(300);
				}
				while (!over.get()) {
					socket.sendText("{\"type\":\"cancel\"}"); // ends its last run; then does nothing, answers nothing
					Thread.sleep(1000);
				}
			}
			catch (IOException closedByTheServer) {
				// stalled past the limit: the server closed it; a slow reader comes back
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** One learner's socket: sends a start, and hears its run to the end. */
	private static final class Learner implements WebSocket.Listener {

		private final WebSocket socket;

		private final BlockingQueue<JsonNode> heard = new LinkedBlockingQueue<>();

		private final StringBuilder partial = new StringBuilder();

		/** The arrival time of each message, by its place in {@link #heard}. */
		private final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();

		Learner(HttpClient http, int port, String address) {
			this.socket = http.newWebSocketBuilder()
				.header("X-Forwarded-For", address)
				.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/runs"), this)
				.orTimeout(60, TimeUnit.SECONDS)
				.join();
		}

		void run(int lesson, Figures figures) throws InterruptedException {
			long asked = System.nanoTime();
			socket.sendText(LESSONS.get(lesson), true).orTimeout(60, TimeUnit.SECONDS).join();
			boolean queued = false;
			long runId = -1;
			while (true) {
				JsonNode message = heard.poll(10, TimeUnit.MINUTES);
				if (message == null) {
					figures.errors.incrementAndGet();
					return;
				}
				long at = arrivals.take();
				switch (message.path("type").asString()) {
					case "queued" -> queued = true;
					case "started" -> {
						runId = message.path("runId").asLong();
						figures.started(lesson, queued, at - asked);
					}
					case "events" -> figures.events(message.path("events").size(), message.path("skipped").asInt());
					case "end" -> {
						if (message.path("runId").asLong() == runId) {
							figures.ended(at - endedOnServer(runId));
							return;
						}
					}
					case "error" -> {
						if ("busy".equals(message.path("code").asString())) {
							figures.refused.incrementAndGet();
						}
						else {
							figures.errors.incrementAndGet();
						}
						return;
					}
					default -> {
					}
				}
			}
		}

		private static long endedOnServer(long runId) throws InterruptedException {
			// published as the outcome is set; the end can overtake it by an instant
			for (int i = 0; i < 1000; i++) {
				Long ended = ENDED.remove(runId);
				if (ended != null) {
					return ended;
				}
				Thread.sleep(1);
			}
			throw new IllegalStateException("run " + runId + " ended without telling");
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				arrivals.add(System.nanoTime());
				heard.add(JSON.readTree(partial.toString()));
				partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		void close() {
			try {
				socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(10, TimeUnit.SECONDS).join();
			}
			catch (RuntimeException alreadyClosed) {
				socket.abort();
			}
		}

	}

	/** A phase's figures; thread-safe. */
	private static final class Figures {

		final String name;

		final int learners;

		final int slowReaders;

		final AtomicInteger done = new AtomicInteger();

		final AtomicInteger refused = new AtomicInteger();

		final AtomicInteger errors = new AtomicInteger();

		final AtomicInteger queued = new AtomicInteger();

		final AtomicLong events = new AtomicLong();

		final AtomicLong skipped = new AtomicLong();

		final List<Long> waits = Collections.synchronizedList(new ArrayList<>());

		final List<Long> deliveries = Collections.synchronizedList(new ArrayList<>());

		final Map<Integer, List<Long>> waitsByLesson = new ConcurrentHashMap<>();

		final LongAccumulator maxWaiting = new LongAccumulator(Math::max, 0);

		final LongAccumulator maxThreads = new LongAccumulator(Math::max, 0);

		final LongAccumulator maxProcesses = new LongAccumulator(Math::max, 0);

		Figures(String name, int learners, int slowReaders) {
			this.name = name;
			this.learners = learners;
			this.slowReaders = slowReaders;
		}

		void started(int lesson, boolean wasQueued, long waitNanos) {
			if (wasQueued) {
				queued.incrementAndGet();
			}
			waits.add(waitNanos);
			waitsByLesson.computeIfAbsent(lesson, l -> Collections.synchronizedList(new ArrayList<>())).add(waitNanos);
		}

		void events(int count, int skippedFrames) {
			events.addAndGet(count);
			skipped.addAndGet(skippedFrames);
		}

		void ended(long deliveryNanos) {
			done.incrementAndGet();
			deliveries.add(deliveryNanos);
		}

		void sample(Occupancy occupancy) {
			maxWaiting.accumulate(occupancy.waiting());
			maxThreads.accumulate(occupancy.threads());
			maxProcesses.accumulate(occupancy.processes());
		}

		static void header() {
			System.out.printf("| %-20s | %8s | %5s | %7s | %6s | %16s | %11s | %24s | %7s | %21s |%n", "phase",
					"learners", "runs", "refused", "queued", "wait p50/p95 (s)", "max waiting",
					"end→learner p50/p95/max", "skipped", "peak threads/processes");
			System.out.printf("|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(22), "-".repeat(9) + ":",
					"-".repeat(6) + ":", "-".repeat(8) + ":", "-".repeat(7) + ":", "-".repeat(17) + ":",
					"-".repeat(12) + ":", "-".repeat(25) + ":", "-".repeat(8) + ":", "-".repeat(22) + ":");
		}

		void print() {
			if (name == null) {
				return;
			}
			System.out.printf("| %-20s | %8s | %5d | %7d | %6d | %16s | %11d | %24s | %7d | %21s |%n", name,
					learners + (slowReaders > 0 ? " + " + slowReaders : ""), done.get(), refused.get(), queued.get(),
					String.format("%.1f / %.1f", percentile(waits, 50) / 1e9, percentile(waits, 95) / 1e9),
					maxWaiting.get(),
					String.format("%.0f / %.0f / %.0f ms", percentile(deliveries, 50) / 1e6,
							percentile(deliveries, 95) / 1e6, percentile(deliveries, 100) / 1e6),
					skipped.get(), maxThreads.get() + " / " + maxProcesses.get());
			if (errors.get() > 0) {
				System.out.printf("  (%s: %d runs ended otherwise: no answer, or an error other than busy)%n", name,
						errors.get());
			}
		}

		void printWaitsByLesson() {
			System.out.printf("%nWaits by lesson, %s (runs started, then p50 / p95 / max seconds):%n", name);
			for (int lesson = 0; lesson < LESSONS.size(); lesson++) {
				List<Long> waited = waitsByLesson.getOrDefault(lesson, List.of());
				System.out.printf("  %-50s %4d  %5.1f / %5.1f / %5.1f%n",
						LESSONS.get(lesson).replaceAll(".*\"scenario\":\"([^\"]+)\",\"params\":(\\{[^}]*\\}).*", "$1 $2"),
						waited.size(), percentile(waited, 50) / 1e9, percentile(waited, 95) / 1e9,
						percentile(waited, 100) / 1e9);
			}
		}

		private static double percentile(List<Long> values, int p) {
			List<Long> sorted;
			synchronized (values) {
				sorted = new ArrayList<>(values);
			}
			if (sorted.isEmpty()) {
				return Double.NaN;
			}
			Collections.sort(sorted);
			int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
			return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
		}

	}

	/** What the JVM holds when no one is in the room. */
	private record Baseline(long runThreads, long children, List<String> threads, long heapMb) {

		static Baseline now() throws InterruptedException {
			for (int i = 0; i < 3; i++) {
				System.gc();
				Thread.sleep(200);
			}
			long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
			long runThreads = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("run-")).count();
			long children = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count();
			List<String> threads = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter(Thread::isAlive)
				.map(t -> t.getName().replaceAll("\\d+", "#"))
				.sorted()
				.toList();
			return new Baseline(runThreads, children, threads, heap);
		}

	}

	/** Waits until every run has ended and every socket has closed, at most two minutes. */
	private static void awaitQuiet(RunLauncher launcher) throws InterruptedException {
		Eventually.within(Duration.ofMinutes(2)).every(Duration.ofMillis(100)).last(() -> launcher.going() == 0
				&& launcher.occupancy().waiting() == 0
				&& Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("run-")), quiet -> quiet);
		Thread.sleep(Duration.ofSeconds(2).toMillis()); // sockets closing on the server's side
	}

	private static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return String.format("%.2f", load);
	}

}
