package org.threadlab.rooms.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.testing.BrokerServers;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.SocketClient;

import tools.jackson.databind.JsonNode;

/**
 * The workshop's own load balancer configuration ({@code haproxy.cfg}, as compose.yaml mounts it), run
 * by a real HAProxy in front of two servers sharing RabbitMQ and PostgreSQL: only the apps' addresses
 * (Docker's DNS in compose) and its port are put in for this machine. Each browser gets a cookie naming
 * its server on its first answer and stays there; the run socket's upgrade passes, and a class split over
 * the two servers by their cookies follows its teacher through it. Skipped with a message where HAProxy,
 * RabbitMQ or PostgreSQL is missing, except on CI ({@code CI=true}), where it fails; .ci/run installs
 * Debian's.
 */
class WorkshopBalancerIT {

	private static final String COOKIE = "THREADLAB_SERVER";

	private static BrokerServers servers;

	private static Process haproxy;

	private static int port;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@BeforeAll
	static void startBalancerAndServers(@TempDir Path dir) throws Exception {
		if (BrokerServers.missing() != null || binary().isEmpty()) {
			return; // each test says why it is skipped
		}
		servers = BrokerServers.start(2, "balancer-it", "--server.forward-headers-strategy=native");
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		String config = Files.readString(Path.of("haproxy.cfg"))
			.replace("bind :8080", "bind 127.0.0.1:" + port)
			.replaceAll("(?m)^\\s+server-template app .*$",
					"    server app1 127.0.0.1:" + servers.port(0) + " check inter 500ms fall 3 rise 1\n"
							+ "    server app2 127.0.0.1:" + servers.port(1) + " check inter 500ms fall 3 rise 1");
		assertThat(config).as("the apps put in").contains("server app1", "server app2").doesNotContain("server-template");
		Path file = dir.resolve("haproxy.cfg");
		Files.writeString(file, config);
		haproxy = new ProcessBuilder(binary().get().toString(), "-db", "-f", file.toString()).redirectErrorStream(true)
			.redirectOutput(dir.resolve("haproxy.log").toFile())
			.start();
		try {
			Eventually.within(Duration.ofSeconds(30)).until("both servers up behind the balancer", WorkshopBalancerIT::cookiesSeen,
					cookies -> cookies.size() == 2);
		}
		catch (AssertionError notUp) {
			throw new AssertionError(notUp.getMessage() + "; HAProxy said:\n" + Files.readString(dir.resolve("haproxy.log")), notUp);
		}
	}

	@BeforeEach
	void balancerBrokerAndDatabaseAnswer() {
		BrokerServers.require();
		if (binary().isEmpty()) {
			BrokerServers.skip("no haproxy on this machine; .ci/run installs Debian's");
		}
	}

	private static Optional<Path> binary() {
		return List.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy").stream()
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst();
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (haproxy != null) {
			haproxy.destroy();
			if (!haproxy.waitFor(10, TimeUnit.SECONDS)) {
				haproxy.destroyForcibly();
			}
		}
		if (servers != null) {
			servers.close();
		}
	}

	/** The server cookies of six first visits (no cookie sent): both servers', once both are up. */
	private static Set<String> cookiesSeen() {
		Set<String> cookies = new LinkedHashSet<>();
		for (int i = 0; i < 6; i++) {
			try {
				cookie(get(null)).ifPresent(cookies::add);
			}
			catch (IOException | InterruptedException ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
				return Set.of();
			}
		}
		return cookies;
	}

	private static HttpResponse<String> get(String cookie) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(10));
		if (cookie != null) {
			request.header("Cookie", COOKIE + "=" + cookie);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Optional<String> cookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("set-cookie")
			.stream()
			.filter(c -> c.startsWith(COOKIE + "="))
			.map(c -> c.substring(COOKIE.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.findFirst();
	}

	@Test
	void aBrowserGetsACookieNamingItsServerAndStaysThere() throws Exception {
		HttpResponse<String> first = get(null);
		assertThat(first.statusCode()).isEqualTo(200);
		String mine = cookie(first).orElseThrow(() -> new AssertionError("no " + COOKIE + " cookie on the first answer"));
		assertThat(first.headers().allValues("set-cookie").toString()).contains("HttpOnly");
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> again = get(mine);
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(cookie(again)).as("a browser with its cookie stays where it is: no new one").isEmpty();
		}
	}

	@Test
	void aClassSplitOverBothServersFollowsItsTeacherThroughTheBalancer() throws Exception {
		List<String> both = List.copyOf(cookiesSeen());
		assertThat(both).hasSize(2);
		try (SocketClient teacher = new SocketClient("127.0.0.1", port, Map.of("Cookie", COOKIE + "=" + both.get(0)));
				SocketClient student = new SocketClient("127.0.0.1", port, Map.of("Cookie", COOKIE + "=" + both.get(1)))) {
			teacher.send("{\"type\":\"room-open\"}");
			String code = teacher.next("room").get("code").asString();
			student.send("{\"type\":\"room-join\",\"code\":\"" + code + "\",\"name\":\"Li\"}");
			student.next("room");
			assertThat(teacher.next("roster", r -> r.get("here").asInt() == 1).get("members").get(0).get("name").asString())
				.isEqualTo("Li");
			teacher.start("thread-target", "{\"htmlSeconds\": 1, \"urlSeconds\": 1}", 4);
			long runId = teacher.next("started").get("runId").asLong();
			assertThat(student.next("room-started").get("runId").asLong()).isEqualTo(runId);
			JsonNode end = student.next("room-end", m -> m.get("runId").asLong() == runId);
			assertThat(end.get("outcome").get("status").asString()).isEqualTo("COMPLETED");
			teacher.send("{\"type\":\"room-close\"}");
			assertThat(student.next("room-ended").get("reason").asString()).isEqualTo("closed");
		}
	}

}
