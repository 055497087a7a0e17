package org.threadlab.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.threadlab.testing.DaemonVariant;
import org.threadlab.testing.SocketClient;

/**
 * The image a workshop runs: built from the Dockerfile, started as Docker starts it, healthy by its own
 * health check, and serving a lesson that runs a real child JVM inside the container, under tini as
 * PID 1, as a user who is not root, with python3 at hand and no zombie left after. Skipped, saying why,
 * where no Docker engine runs.
 */
@ExtendWith(DockerEngine.class)
@Timeout(value = 30, unit = TimeUnit.MINUTES) // the image's build runs Maven, dependencies and all
class DockerImageIT {

	/** The project's Dockerfile, absolute: Testcontainers builds from its folder, which a bare name lacks. */
	static final Path DOCKERFILE = Path.of("Dockerfile").toAbsolutePath();

	@Test
	void theImageBuildsAndRunsALessonWithAChildProcessOverTheSocket() throws Exception {
		ImageFromDockerfile image = new ImageFromDockerfile("threadlab-test", true).withDockerfile(DOCKERFILE);
		try (GenericContainer<?> app = new GenericContainer<>(image).withExposedPorts(8080)
			.waitingFor(Wait.forHealthcheck())
			.withStartupTimeout(Duration.ofMinutes(3))) {
			app.start();
			String host = app.getHost();
			int port = app.getMappedPort(8080);

			HttpResponse<String> health = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(health.body()).contains("\"status\":\"UP\"");

			try (SocketClient client = new SocketClient(host, port, Map.of())) {
				DaemonVariant.runsInAChildProcess(client);
			}

			assertThat(exec(app, "cat", "/proc/1/comm").getStdout().trim()).as("PID 1").isEqualTo("tini");
			assertThat(exec(app, "id", "-u").getStdout().trim()).as("the server's user").isNotEqualTo("0");
			assertThat(exec(app, "python3", "--version").getExitCode()).isZero();
			ExecResult zombies = exec(app, "sh", "-c", "grep -l '^State:.*Z' /proc/[0-9]*/status | wc -l");
			assertThat(zombies.getStdout().trim()).as("zombie processes").isEqualTo("0");
		}
	}

	private static ExecResult exec(GenericContainer<?> app, String... command) throws Exception {
		return app.execInContainer(command);
	}

}
