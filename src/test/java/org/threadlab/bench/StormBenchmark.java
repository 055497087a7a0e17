package org.threadlab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.threadlab.ThreadLabApplication;
import org.threadlab.testing.SocketClient;

/**
 * A storm of idle run sockets against the real server in a JVM of its own with a heap of 256 MB
 * ({@code ./mvnw -Pbench test -Dbench.only=storm}). First one client (an address of loopback) opens
 * {@value #SOCKETS} sockets as fast as {@value #OPENERS} threads can and keeps every one it gets; then
 * {@value #SOCKETS} sockets come from {@value #ADDRESSES} addresses at once, {@code SOCKETS / ADDRESSES}
 * each, as a crowd would. Meanwhile another client (a socket it opened before) runs a lesson before,
 * during and after each storm. Prints what the storms got (open, refused at the handshake, closed just
 * after opening, connections closed unanswered), the server's heap after a full GC and its resident
 * memory, its health and how fast it answers, the other client's run times, and how long SIGTERM takes
 * to stop the server after it all. A program, not a test: it asserts nothing.
 */
public final class StormBenchmark {

	static final int SOCKETS = 10_000;

	static final int OPENERS = 32;

	static final int ADDRESSES = 500;

	/** The other client's lesson: two sleeps, 0.5 s and 1 s, at speed 1: about a second. */
	static final String LESSON = "{\"htmlSeconds\": 0.5, \"urlSeconds\": 1}";

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private StormBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Path log = Path.of("target", "storm-server.log");
		Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-cp", System.getProperty("java.class.path"), ThreadLabApplication.class.getName(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--threadlab.children.spares=0",
				"--management.endpoints.web.exposure.include=health,info,metrics")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		System.out.printf("Storm: idle run sockets against one server (-Xmx256m, pid %d, its log in %s; %s)%n",
				server.pid(), log, BenchMachine.loadAverage());
		try {
			awaitHealthy(port, server);
			try (SocketClient other = new SocketClient(port)) {
				lessonSeconds(other); // warm-up
				System.out.printf("Before: heap used after GC %s, resident %s, health %s; the other client's run %.2f s%n%n",
						heap(server), resident(server), health(port), lessonSeconds(other));

				storm(String.format("One client opens %,d sockets", SOCKETS), port, server, other, i -> "127.0.0.2");
				storm(String.format("%,d sockets from %,d addresses", SOCKETS, ADDRESSES), port, server, other,
						i -> "127.0." + (1 + i % ADDRESSES / 250) + "." + (1 + i % ADDRESSES % 250));
			}
			long before = System.nanoTime();
			server.destroy(); // SIGTERM
			boolean stopped = server.waitFor(30, TimeUnit.SECONDS);
			System.out.printf("SIGTERM after the storms: %s%n", stopped
					? String.format("stopped in %.2f s (exit %d)", (System.nanoTime() - before) / 1e9, server.exitValue())
					: "still running after 30 s");
		}
		finally {
			if (server.isAlive()) {
				server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	/** What one storm got, as its client saw it. */
	private static final class Tally {

		final AtomicInteger open = new AtomicInteger();

		final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

		final ConcurrentLinkedQueue<Socket> kept = new ConcurrentLinkedQueue<>();

		void count(String answer) {
			answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
		}

	}

	private static void storm(String name, int port, Process server, SocketClient other,
			java.util.function.IntFunction<String> from) throws Exception {
		System.out.println(name + ":");
		Tally tally = new Tally();
		ExecutorService openers = Executors.newFixedThreadPool(OPENERS);
		AtomicInteger next = new AtomicInteger();
		long began = System.nanoTime();
		List<Future<?>> running = new ArrayList<>();
		for (int t = 0; t < OPENERS; t++) {
			running.add(openers.submit(() -> {
				for (int i; (i = next.getAndIncrement()) < SOCKETS;) {
					open(port, from.apply(i), tally);
				}
			}));
		}
		double during = lessonSeconds(other); // while the storm goes on
		String healthDuring = health(port);
		for (Future<?> f : running) {
			f.get(10, TimeUnit.MINUTES);
		}
		double stormSeconds = (System.nanoTime() - began) / 1e9;
		openers.shutdown();
		int stayed = stillOpen(tally.kept);
		Thread.sleep(2000); // the refused ones closed, the server's books settled
		System.out.printf("  %,d sockets in %.1f s: %,d opened and still open, %s%n", SOCKETS, stormSeconds, stayed,
				describe(tally.answers, tally.open.get() - stayed));
		System.out.printf("  server: heap used after GC %s, resident %s; run sockets open %s (the other client's too), refusals counted %s "
				+ "(sockets) and %s (connections); health %s%n", heap(server), resident(server),
				metric(port, "threadlab.web.sockets.open"), metric(port, "threadlab.web.sockets.refused"),
				metric(port, "threadlab.web.connections.refused"), health(port));
		System.out.printf("  the other client's run: during %.2f s (health %s), with the storm's sockets open %.2f s%n",
				during, healthDuring, lessonSeconds(other));
		for (Socket socket : tally.kept) {
			socket.close();
		}
		Thread.sleep(2000);
		System.out.printf("  after they closed: heap used after GC %s; run sockets open %s; the other client's run %.2f s%n%n",
				heap(server), metric(port, "threadlab.web.sockets.open"), lessonSeconds(other));
	}

	/** Opens one run socket from {@code local}: kept when it opens, else its answer counted. */
	private static void open(int port, String local, Tally tally) {
		Socket socket = new Socket();
		try {
			socket.setSoTimeout(10_000);
			socket.bind(new InetSocketAddress(local, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /ws/runs HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
					+ "Connection: Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\nSec-WebSocket-Version: 13\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			String status = statusLine(socket.getInputStream());
			if (status.startsWith("HTTP/1.1 101")) {
				tally.open.incrementAndGet();
				tally.kept.add(socket); // kept, idle
				return;
			}
			tally.count(status.isEmpty() ? "connection closed unanswered" : "answered " + status.substring(9).trim());
		}
		catch (IOException ex) {
			tally.count("connections reset unanswered (" + ex.getClass().getSimpleName() + ")");
		}
		closeQuietly(socket);
	}

	/** Of the sockets that opened, those still open: the others were closed just after (1013). */
	private static int stillOpen(ConcurrentLinkedQueue<Socket> kept) throws IOException {
		int open = 0;
		for (java.util.Iterator<Socket> it = kept.iterator(); it.hasNext();) {
			Socket socket = it.next();
			socket.setSoTimeout(200);
			try {
				socket.getInputStream().read(); // a close frame's first byte, or the end: it was closed (1013)
				it.remove();
				socket.close();
			}
			catch (java.net.SocketTimeoutException quiet) {
				open++;
			}
			catch (IOException reset) {
				it.remove();
				socket.close();
			}
		}
		return open;
	}

	private static String describe(Map<String, AtomicInteger> answers, int closedAfterOpening) {
		StringBuilder text = new StringBuilder(String.format("%,d opened and closed at once (1013)", closedAfterOpening));
		answers.entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach(a -> text.append(String.format(", %,d %s", a.getValue().get(), a.getKey())));
		return text.toString();
	}

	private static String statusLine(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		for (int b; (b = in.read()) >= 0;) {
			head.append((char) b);
			if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
				break;
			}
		}
		int end = head.indexOf("\r\n");
		return end < 0 ? head.toString().trim() : head.substring(0, end);
	}

	/** The other client runs the lesson; its wall time from start to end, in seconds. */
	private static double lessonSeconds(SocketClient client) throws InterruptedException {
		long began = System.nanoTime();
		client.start("thread-target", LESSON, 1);
		client.eventsUntilEnd(client.next("started").get("runId").asLong());
		return (System.nanoTime() - began) / 1e9;
	}

	private static String health(int port) {
		long began = System.nanoTime();
		try {
			HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
					+ "/actuator/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
			Matcher status = Pattern.compile("\"status\":\"(\\w+)\"").matcher(answer.body());
			return (status.find() ? status.group(1) : answer.statusCode() + "") + " in "
					+ (System.nanoTime() - began) / 1_000_000 + " ms";
		}
		catch (IOException | InterruptedException ex) {
			return "no answer (" + ex.getClass().getSimpleName() + ")";
		}
	}

	private static String metric(int port, String name) {
		try {
			String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/metrics/"
					+ name)).build(), HttpResponse.BodyHandlers.ofString()).body();
			Matcher value = Pattern.compile("\"value\":([0-9.E]+)").matcher(body);
			return value.find() ? String.format("%,.0f", Double.parseDouble(value.group(1))) : "?";
		}
		catch (IOException | InterruptedException ex) {
			return "?";
		}
	}

	/** The server's heap in use after a full GC, by the JDK's jcmd. */
	private static String heap(Process server) throws IOException, InterruptedException {
		jcmd(server, "GC.run");
		Matcher used = HEAP_USED.matcher(jcmd(server, "GC.heap_info"));
		return used.find() ? (Long.parseLong(used.group(1)) / 1024) + " MB" : "?";
	}

	private static String resident(Process server) {
		try {
			for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return (Long.parseLong(line.replaceAll("\\D", "")) / 1024) + " MB";
				}
			}
		}
		catch (IOException | RuntimeException noProc) {
			// not Linux
		}
		return "?";
	}

	private static String jcmd(Process server, String command) throws IOException, InterruptedException {
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(server.pid()), command).redirectErrorStream(true).start();
		String said = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		jcmd.waitFor(30, TimeUnit.SECONDS);
		return said;
	}

	private static void awaitHealthy(int port, Process server) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				throw new IllegalStateException("the server ended as it started: see target/storm-server.log");
			}
			if (health(port).startsWith("UP")) {
				return;
			}
			Thread.sleep(300);
		}
		throw new IllegalStateException("the server was not healthy within 120 s");
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// closing a socket the server closed already
		}
	}

}
