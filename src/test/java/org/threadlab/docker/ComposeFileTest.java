package org.threadlab.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The workshop's compose file and its load balancer's configuration stay right without Docker (they are
 * not run here: no image registry): the app containers, RabbitMQ, PostgreSQL and HAProxy, each with a
 * health check the others wait on; the data in named volumes; the apps pointed at the broker and the
 * database with the credentials those are given, each variable a setting the server has; the balancer
 * passing WebSocket upgrades with connection affinity and health checks on the apps' readiness, trusted
 * for X-Forwarded-For at its own fixed address only; official images named without a registry.
 */
class ComposeFileTest {

	private static Map<String, Object> compose;

	private static Map<String, Object> services;

	private static String haproxy;

	private static Properties application;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void read() throws IOException {
		compose = new Yaml().load(Files.readString(Path.of("compose.yaml")));
		services = (Map<String, Object>) compose.get("services");
		haproxy = Files.readString(Path.of("haproxy.cfg"));
		application = new Properties();
		application.load(new StringReader(Files.readString(Path.of("src/main/resources/application.properties"))));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node, String what) {
		assertThat(node).as(what).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	private static Map<String, Object> service(String name) {
		return map(services.get(name), "service " + name);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> environment(String name) {
		Map<String, String> env = new HashMap<>();
		map(service(name).get("environment"), name + "'s environment").forEach((k, v) -> env.put(k, String.valueOf(v)));
		return env;
	}

	/** {@code ${VAR:-default}} as compose reads it with VAR unset. */
	private static String defaulted(String value) {
		return value.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
	}

	@Test
	void aWorkshopIsAppsBehindABalancerWithABrokerAndADatabase() {
		assertThat(services).containsOnlyKeys("app", "lb", "rabbitmq", "postgres");
		assertThat(service("app").get("build")).as("the app is this repository's Dockerfile").isEqualTo(".");
		Map<String, Object> deploy = map(service("app").get("deploy"), "app's deploy");
		int apps = Integer.parseInt(defaulted(String.valueOf(deploy.get("replicas"))));
		Matcher slots = Pattern.compile("server-template\\s+app\\s+(\\d+)\\s+app:8080").matcher(haproxy);
		assertThat(slots.find()).as("the balancer finds the apps by their service's name").isTrue();
		assertThat(apps).as("apps by default").isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(Integer.parseInt(slots.group(1)));
		assertThat(String.valueOf(service("lb").get("image"))).startsWith("haproxy:");
		assertThat(String.valueOf(service("rabbitmq").get("image"))).startsWith("rabbitmq:");
		assertThat(String.valueOf(service("postgres").get("image"))).startsWith("postgres:");
	}

	@Test
	void everyServiceHasAHealthCheckAndWaitsForWhatItNeeds() {
		for (String name : services.keySet()) {
			Map<String, Object> check = map(service(name).get("healthcheck"), name + "'s health check");
			assertThat(String.valueOf(check.get("test"))).as(name).isNotBlank();
			assertThat(service(name).get("restart")).as(name).isEqualTo("unless-stopped");
		}
		assertThat(String.valueOf(service("app").get("healthcheck"))).contains("/actuator/health", "\"status\":\"UP\"");
		assertThat(String.valueOf(service("postgres").get("healthcheck"))).contains("pg_isready");
		assertThat(String.valueOf(service("rabbitmq").get("healthcheck"))).contains("rabbitmq-diagnostics");
		assertThat(String.valueOf(service("lb").get("healthcheck"))).contains("/lb-health");
		assertThat(haproxy).contains("monitor-uri /lb-health");
		Map<String, Object> appNeeds = map(service("app").get("depends_on"), "app's depends_on");
		assertThat(appNeeds).containsOnlyKeys("postgres", "rabbitmq");
		appNeeds.values().forEach(need -> assertThat(map(need, "a need").get("condition")).isEqualTo("service_healthy"));
		assertThat(map(map(service("lb").get("depends_on"), "lb's depends_on").get("app"), "lb on app").get("condition"))
			.isEqualTo("service_healthy");
	}

	@Test
	void theBrokersAndTheDatabasesDataLiveInNamedVolumes() {
		Map<String, Object> volumes = map(compose.get("volumes"), "named volumes");
		assertThat(String.valueOf(service("postgres").get("volumes"))).contains("postgres-data:/var/lib/postgresql/data");
		assertThat(String.valueOf(service("rabbitmq").get("volumes"))).contains("rabbitmq-data:/var/lib/rabbitmq");
		assertThat(volumes).containsKeys("postgres-data", "rabbitmq-data");
		assertThat(String.valueOf(service("lb").get("volumes"))).as("the balancer's configuration, beside this file")
			.contains("./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
	}

	@Test
	void theAppsArePointedAtTheBrokerAndTheDatabaseWithTheirCredentials() {
		Map<String, String> app = environment("app");
		Map<String, String> pg = environment("postgres");
		Map<String, String> mq = environment("rabbitmq");
		assertThat(app.get("THREADLAB_ROOMS_BROKER")).isEqualTo("rabbitmq");
		assertThat(app.get("SPRING_RABBITMQ_HOST")).as("the broker's service").isEqualTo("rabbitmq");
		assertThat(app.get("SPRING_RABBITMQ_USERNAME")).isEqualTo(mq.get("RABBITMQ_DEFAULT_USER"));
		assertThat(app.get("SPRING_RABBITMQ_PASSWORD")).isEqualTo(mq.get("RABBITMQ_DEFAULT_PASS"));
		assertThat(app.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + pg.get("POSTGRES_DB"));
		assertThat(app.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(pg.get("POSTGRES_USER"));
		assertThat(app.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(pg.get("POSTGRES_PASSWORD"));
		assertThat(String.valueOf(service("postgres").get("healthcheck"))).contains(pg.get("POSTGRES_USER"), pg.get("POSTGRES_DB"));
	}

	/** Each variable binds, as Spring Boot reads the environment, to a setting the server has. */
	@Test
	void everyVariableOfTheAppsIsASettingOfTheServer() {
		Map<String, String> app = environment("app");
		Map<String, Object> env = new HashMap<>();
		app.forEach((k, v) -> env.put(k, defaulted(v)));
		StandardEnvironment spring = new StandardEnvironment();
		spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose", env));
		ConfigurationPropertySources.attach(spring);
		Binder binder = Binder.get(spring);
		Map<String, String> settings = Map.ofEntries(Map.entry("THREADLAB_ROOMS_BROKER", "threadlab.rooms.broker"),
				Map.entry("SPRING_RABBITMQ_HOST", "spring.rabbitmq.host"), Map.entry("SPRING_RABBITMQ_PORT", "spring.rabbitmq.port"),
				Map.entry("SPRING_RABBITMQ_USERNAME", "spring.rabbitmq.username"),
				Map.entry("SPRING_RABBITMQ_PASSWORD", "spring.rabbitmq.password"),
				Map.entry("SPRING_DATASOURCE_URL", "spring.datasource.url"),
				Map.entry("SPRING_DATASOURCE_USERNAME", "spring.datasource.username"),
				Map.entry("SPRING_DATASOURCE_PASSWORD", "spring.datasource.password"),
				Map.entry("SERVER_FORWARD_HEADERS_STRATEGY", "server.forward-headers-strategy"),
				Map.entry("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES", "server.tomcat.remoteip.internal-proxies"),
				Map.entry("THREADLAB_WEB_ALLOWED_ORIGINS", "threadlab.web.allowed-origins"),
				Map.entry("THREADLAB_ADMISSION_THREADS", "threadlab.admission.threads"),
				Map.entry("THREADLAB_ADMISSION_CORES", "threadlab.admission.cores"));
		assertThat(settings.keySet()).as("every variable is known to this test").containsAll(app.keySet());
		for (Map.Entry<String, String> variable : app.entrySet()) {
			String setting = settings.get(variable.getKey());
			assertThat(binder.bind(setting, String.class).orElse(null)).as(variable.getKey() + " sets " + setting)
				.isEqualTo(defaulted(variable.getValue()));
			if (setting.startsWith("threadlab.") || setting.startsWith("server.tomcat")) {
				assertThat(application).as(setting + " is one of the server's settings").containsKey(setting);
			}
		}
	}

	@Test
	void theBalancerPassesWebSocketsWithAffinityAndChecksTheAppsReadiness() {
		assertThat(haproxy).containsPattern("(?m)^\\s+mode http$").doesNotContainPattern("(?m)^\\s+mode tcp");
		assertThat(haproxy).as("an upgraded socket lives as long as a lesson")
			.containsPattern("(?m)^\\s+timeout tunnel \\d+[hm]$");
		assertThat(haproxy).as("affinity: a cookie per container, set on the first answer")
			.containsPattern("(?m)^\\s+cookie \\w+ insert indirect nocache\\b.*\\bdynamic$")
			.containsPattern("(?m)^\\s+dynamic-cookie-key \\S+$");
		assertThat(haproxy).contains("option forwardfor", "option httpchk",
				"uri " + application.getProperty("management.endpoints.web.base-path", "/actuator") + "/health/readiness",
				"http-check expect status 200");
		assertThat(application.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(haproxy).containsPattern("server-template app \\d+ app:" + application.getProperty("server.port")
				+ " check .*resolvers docker");
		assertThat(haproxy).containsPattern("nameserver \\w+ 127\\.0\\.0\\.11:53");
		assertThat(String.valueOf(service("lb").get("ports"))).contains(":8080");
	}

	@Test
	void theAppsBelieveForwardedAddressesFromTheBalancerOnly() {
		Map<String, Object> networks = map(service("lb").get("networks"), "lb's networks");
		String address = String.valueOf(map(networks.get("workshop"), "lb on the workshop network").get("ipv4_address"));
		String trusted = environment("app").get("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES");
		assertThat(address).matches(trusted);
		assertThat("172.28.0.11").doesNotMatch(trusted);
		assertThat(environment("app").get("SERVER_FORWARD_HEADERS_STRATEGY")).isEqualTo("native");
		assertThat(String.valueOf(compose.get("networks"))).contains("subnet=172.28.0.0/24");
	}

	@Test
	void imagesAreOfficialImagesNamedWithoutARegistry() {
		for (String name : List.of("lb", "rabbitmq", "postgres")) {
			String image = String.valueOf(service(name).get("image"));
			assertThat(image).as(name).matches("[a-z0-9-]+:[\\w.-]+");
		}
	}

}
