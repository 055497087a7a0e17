package org.threadlab.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.threadlab.ThreadLabApplication;
import org.threadlab.rooms.Tokens;

/**
 * Servers of one workshop in this JVM, as containers behind a load balancer are: each its own Spring
 * context on a port of its own, all with rooms across servers through a real RabbitMQ
 * ({@code threadlab.test.rabbitmq.host}, default localhost:5672, guest) and one real PostgreSQL (as
 * {@code SavedRunsPostgresIT}'s: {@code threadlab_test}, user and password {@code threadlab}). Debian's
 * packages of both are what .ci/run installs and starts. Where either does not answer, {@link #require()}
 * skips the test with a message, except on CI ({@code CI=true}), where it fails.
 */
public final class BrokerServers implements AutoCloseable {

	public static final String PG_URL = System.getProperty("threadlab.test.pg.url",
			"jdbc:postgresql://localhost:5432/threadlab_test");

	public static final String PG_USER = System.getProperty("threadlab.test.pg.user", "threadlab");

	public static final String PG_PASSWORD = System.getProperty("threadlab.test.pg.password", "threadlab");

	public static final String RABBITMQ_HOST = System.getProperty("threadlab.test.rabbitmq.host", "localhost");

	public static final int RABBITMQ_PORT = Integer.getInteger("threadlab.test.rabbitmq.port", 5672);

	private final List<ConfigurableApplicationContext> servers = new ArrayList<>();

	private final List<Integer> ports = new ArrayList<>();

	/**
	 * Skips (or on CI fails) unless RabbitMQ and PostgreSQL both answer: call it before each test, so that
	 * each is reported skipped with the reason.
	 */
	public static void require() {
		String missing = missing();
		if (missing != null) {
			skip(missing + "; .ci/run installs and starts Debian's rabbitmq-server and postgresql");
		}
	}

	/** Skips the test with {@code why}, or on CI ({@code CI=true}) fails it. */
	public static void skip(String why) {
		if ("true".equals(System.getenv("CI"))) {
			throw new AssertionError(why);
		}
		Assumptions.abort(why);
	}

	/** What does not answer, or null when both do. */
	public static String missing() {
		try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
			connection.isValid(5);
		}
		catch (SQLException none) {
			return "no PostgreSQL at " + PG_URL + " as " + PG_USER + " (" + none.getMessage() + ")";
		}
		com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
		factory.setHost(RABBITMQ_HOST);
		factory.setPort(RABBITMQ_PORT);
		factory.setConnectionTimeout(5000);
		try (com.rabbitmq.client.Connection connection = factory.newConnection("threadlab-test-probe")) {
			return connection.isOpen() ? null : "RabbitMQ at " + RABBITMQ_HOST + ":" + RABBITMQ_PORT + " closed at once";
		}
		catch (Exception none) {
			return "no RabbitMQ at " + RABBITMQ_HOST + ":" + RABBITMQ_PORT + " (" + none + ")";
		}
	}

	/**
	 * Starts {@code count} servers, named {@code <name>-a}, {@code <name>-b}… (their instance ids, with a
	 * random part), on loopback, with {@code extra} arguments ({@code --key=value}) for each, in place of
	 * the defaults of the same keys.
	 */
	public static BrokerServers start(int count, String name, String... extra) {
		BrokerServers started = new BrokerServers();
		String run = Tokens.random(24);
		try {
			for (int i = 0; i < count; i++) {
				Map<String, String> args = new LinkedHashMap<>();
				for (String arg : List.of("--server.port=0", "--server.address=127.0.0.1",
						"--spring.main.banner-mode=off", "--logging.level.root=warn",
						"--threadlab.rooms.broker=rabbitmq", "--threadlab.rooms.instance=" + name + "-" + (char) ('a' + i) + "-" + run,
						"--spring.rabbitmq.host=" + RABBITMQ_HOST, "--spring.rabbitmq.port=" + RABBITMQ_PORT,
						"--spring.datasource.url=" + PG_URL, "--spring.datasource.username=" + PG_USER,
						"--spring.datasource.password=" + PG_PASSWORD,
						// no spare child JVMs, no class-data archive: two servers in one JVM, lessons of threads
						"--threadlab.children.spares=0", "--threadlab.children.cds=false")) {
					args.put(arg.substring(0, arg.indexOf('=')), arg);
				}
				for (String arg : extra) {
					args.put(arg.substring(0, arg.indexOf('=')), arg);
				}
				ConfigurableApplicationContext context = new SpringApplication(ThreadLabApplication.class)
					.run(args.values().toArray(String[]::new));
				started.servers.add(context);
				started.ports.add(((WebServerApplicationContext) context).getWebServer().getPort());
			}
		}
		catch (RuntimeException | Error ex) {
			started.close();
			throw ex;
		}
		return started;
	}

	public int port(int server) {
		return ports.get(server);
	}

	public ConfigurableApplicationContext context(int server) {
		return servers.get(server);
	}

	@Override
	public void close() {
		for (ConfigurableApplicationContext server : servers) {
			server.close();
		}
	}

}
