package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.threadlab.testing.DaemonVariant;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.SocketClient;

/**
 * The packaged application ({@code java -jar}, as a workshop or a container runs it) starts, serves a
 * run, and runs the daemon variant's real child JVM, whose classes it must first copy out of the jar;
 * the jar holds scenario code as the build rewrote it, so lines come without stack walks; then every
 * lesson of §6 runs from it to its end.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // starting the jar alone may take its 90 s on a loaded machine, then eleven runs
class PackagedJarIT {

	private static final String[][] PROCESS_LESSONS = {
			{ "fork", "{\"parentExitsFirst\": false, \"sleepSeconds\": 1}" },
			{ "process", "{}" },
			{ "pool-apply", "{\"seconds\": 1}" },
			{ "imap", "{}" },
			{ "cpu-bound", "{\"start\": 20, \"stop\": 26}" },
			{ "io-bound", "{\"tasks\": 6, \"seconds\": 0.5}" },
			{ "process-queue", "{\"seconds\": 1}" },
			{ "manager-queue", "{\"seconds\": 1}" },
			{ "pipe", "{}" },
			{ "manager-dict", "{}" } };

	@Test
	void theExecutableJarRunsAChildProcessToo() throws Exception {
		Path jar;
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			jar = files.filter(p -> p.getFileName().toString().matches("threadlab-.*\\.jar")).findFirst().orElse(null);
		}
		Assumptions.assumeTrue(jar != null, "no packaged jar: run ./mvnw verify, which packages first");
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1")
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target", "packaged-jar.log").toFile())
			.start();
		try {
			awaitListening(port, app);
			try (SocketClient client = new SocketClient(port)) {
				DaemonVariant.runsInAChildProcess(client);
				// every lesson of §6, on the child processes the jar starts (the variant with the least waiting)
				for (String[] lesson : PROCESS_LESSONS) {
					client.start(lesson[0], lesson[1], 10);
					long runId = client.next("started").get("runId").asLong();
					assertThat(client.outcomeOf(runId).get("status").asString()).as("%s from the jar", lesson[0])
						.isEqualTo("COMPLETED");
				}
			}
			assertThat(Files.readString(Path.of("target", "packaged-jar.log")))
				.as("the jar's scenario code was rewritten to keep its lines, so no event walks the stack")
				.doesNotContain("was not rewritten by the build");
		}
		finally {
			app.destroy();
			if (!app.waitFor(20, TimeUnit.SECONDS)) {
				app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void theJarsLauncherIsTheOneTheDockerfileStartsItsLayersWith() throws Exception {
		Path jar;
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			jar = files.filter(p -> p.getFileName().toString().matches("threadlab-.*\\.jar")).findFirst().orElse(null);
		}
		Assumptions.assumeTrue(jar != null, "no packaged jar: run ./mvnw verify, which packages first");
		String launcher;
		try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
			launcher = file.getManifest().getMainAttributes().getValue("Main-Class");
			assertThat(file.getEntry("BOOT-INF/layers.idx")).as("a layered jar").isNotNull();
		}
		assertThat(Files.readString(Path.of("Dockerfile"))).contains("exec java $JAVA_OPTS " + launcher + " ");
	}

	private static void awaitListening(int port, Process app) throws InterruptedException {
		Eventually.within(Duration.ofSeconds(90))
			.every(Duration.ofMillis(200))
			.until("the packaged app to listen on " + port + " (see target/packaged-jar.log)", () -> listening(port, app));
	}

	private static boolean listening(int port, Process app) {
		assertThat(app.isAlive()).as("the app is still running (see target/packaged-jar.log)").isTrue();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException notYet) {
			return false;
		}
	}

}
