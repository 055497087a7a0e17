package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.run.RunFolders;
import org.threadlab.testing.OsProcesses;
import org.threadlab.testing.SocketClient;

/**
 * A server that stops leaves nothing on disk: stopped (SIGTERM, as {@code docker stop} does) with process
 * lessons going, it ends them, and their folders, named pipes and sockets go with them; killed (SIGKILL),
 * it cannot, and the next server to start removes what it left, but never what a live server holds. The
 * packaged jar runs, each server with a folder of run folders of its own here.
 */
class NothingLeftOnDiskIT {

	/** Lessons that keep named pipes (process-queue, fork's lifeline) and a socket (the manager's) for seconds. */
	private static final String[][] LESSONS = { { "manager-queue", "{\"seconds\": 10}" },
			{ "process-queue", "{\"seconds\": 10}" }, { "fork", "{\"sleepSeconds\": 10}" } };

	@Test
	void aServerStoppedWithProcessLessonsGoingLeavesNoFolderPipeSocketOrProcess() throws Exception {
		Path root = Files.createTempDirectory("tl-stop-"); // short: a socket's path must fit in 108 bytes
		Server server = Server.start(root);
		List<SocketClient> learners = new ArrayList<>();
		try {
			learners = lessons(server.port);
			awaitPipesAndSockets(root);
			List<ProcessHandle> children = server.process.toHandle().descendants().toList();
			assertThat(children).as("the lessons' child processes").isNotEmpty();

			long before = System.nanoTime();
			server.process.destroy(); // SIGTERM
			assertThat(server.process.waitFor(20, TimeUnit.SECONDS)).as("the server stopped").isTrue();
			System.out.printf("stopped in %d ms%n", (System.nanoTime() - before) / 1_000_000);
			assertThat(leftovers(root)).as("what the stopped server left").isEmpty();
			assertThat(Files.readString(server.log())).as("the stop, with sockets open and runs going, is quiet")
				.doesNotContain(" ERROR ", "\tat ", "Exception in thread");
			for (ProcessHandle child : children) {
				assertThat(OsProcesses.isRunning(child.pid())).as("child " + child.pid()).isFalse();
			}
		}
		finally {
			learners.forEach(SocketClient::vanish);
			server.kill();
			removeAll(root);
		}
	}

	@Test
	void whatAKilledServerLeftTheNextOneRemovesButNeverALiveServersFolder() throws Exception {
		Path root = Files.createTempDirectory("tl-kill-");
		Path live = Files.createDirectories(root.resolve(ProcessHandle.current().pid() + "-live"));
		Files.writeString(live.resolve("run-1-pipe"), "a live server's");
		try (FileChannel channel = FileChannel.open(live.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock held = channel.lock()) {
			Server killed = Server.start(root);
			List<SocketClient> learners = new ArrayList<>();
			try {
				learners = lessons(killed.port);
				awaitPipesAndSockets(root);
			}
			finally {
				learners.forEach(SocketClient::vanish);
				killed.process.destroyForcibly(); // SIGKILL: nothing of it runs again
				killed.process.waitFor(20, TimeUnit.SECONDS);
			}
			List<Path> left = leftovers(root).stream().filter(path -> !path.startsWith(live)).toList();
			assertThat(left).as("a killed server cannot clean up").isNotEmpty();

			Server next = Server.start(root);
			try {
				assertThat(leftovers(root).stream().filter(path -> !path.startsWith(live)))
					.as("what the killed server left, once the next one has started").isEmpty();
				assertThat(Files.readString(live.resolve("run-1-pipe"))).isEqualTo("a live server's");
			}
			finally {
				next.process.destroy();
				next.process.waitFor(20, TimeUnit.SECONDS);
				next.kill();
			}
		}
		finally {
			removeAll(root);
		}
	}

	private static List<SocketClient> lessons(int port) {
		List<SocketClient> learners = new ArrayList<>();
		for (int i = 0; i < LESSONS.length; i++) {
			SocketClient learner = SocketClient.from("10.30.0." + i, port);
			learner.start(LESSONS[i][0], LESSONS[i][1], 1);
			learners.add(learner);
		}
		return learners;
	}

	/** Waits until the lessons have made named pipes and a socket in their folders. */
	private static void awaitPipesAndSockets(Path root) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline && !(count(root, 0010000) > 0 && count(root, 0140000) > 0)) {
			Thread.sleep(100);
		}
		assertThat(count(root, 0010000)).as("named pipes").isPositive();
		assertThat(count(root, 0140000)).as("sockets").isPositive();
	}

	/** Files under {@code root} of the given type (the type bits of a Unix mode: a FIFO, a socket). */
	private static long count(Path root, int type) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(file -> {
				try {
					return ((Integer) Files.getAttribute(file, "unix:mode") & 0170000) == type;
				}
				catch (IOException | RuntimeException gone) {
					return false;
				}
			}).count();
		}
		catch (java.io.UncheckedIOException changedUnderUs) {
			return 0;
		}
	}

	private static void removeAll(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
	}

	/** Everything under {@code root}, but root. */
	private static List<Path> leftovers(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(file -> !file.equals(root)).toList();
		}
	}

	/** The packaged server, started with its run folders under {@code root}. */
	private record Server(Process process, int port, Path log) {

		static Server start(Path root) throws Exception {
			Path jar;
			try (Stream<Path> files = Files.list(Path.of("target"))) {
				jar = files.filter(p -> p.getFileName().toString().matches("threadlab-.*\\.jar")).findFirst().orElse(null);
			}
			Assumptions.assumeTrue(jar != null, "no packaged jar: run ./mvnw verify, which packages first");
			int port;
			try (ServerSocket free = new ServerSocket(0)) {
				port = free.getLocalPort();
			}
			Path log = Path.of("target", root.getFileName() + ".log");
			Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx256m", "-D" + RunFolders.ROOT_PROPERTY + "=" + root.toAbsolutePath(), "-jar", jar.toString(),
					"--server.port=" + port, "--server.address=127.0.0.1", "--server.forward-headers-strategy=native",
					"--threadlab.children.spares=0")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			while (System.nanoTime() < deadline) {
				assertThat(process.isAlive()).as("the server runs (see target/" + root.getFileName() + ".log)").isTrue();
				try (Socket socket = new Socket("127.0.0.1", port)) {
					return new Server(process, port, log);
				}
				catch (IOException notYet) {
					Thread.sleep(200);
				}
			}
			process.destroyForcibly();
			throw new AssertionError("the server did not listen within 90 s");
		}

		void kill() throws InterruptedException {
			if (process.isAlive()) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}

	}

}
