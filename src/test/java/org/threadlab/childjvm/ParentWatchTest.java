package org.threadlab.childjvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.threadlab.testing.Eventually;
import org.threadlab.testing.OsProcesses;

/**
 * No child outlives its server: killed with SIGKILL, reaped or left a zombie, the server's end closes
 * the pipe each child watches, and every child ends within a few seconds — spares too.
 */
class ParentWatchTest {

	private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

	private static String classPath() {
		return System.getProperty(ChildLauncher.CLASS_PATH_PROPERTY, Path.of("target", "classes").toAbsolutePath()
				+ java.io.File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath());
	}

	private static List<String> serverLikeCommand() {
		return List.of(ChildCommand.java(), "-D" + ChildLauncher.CLASS_PATH_PROPERTY + "=" + classPath(), "-cp", classPath(),
				ServerLike.class.getName());
	}

	/** Reads the server's first line: its pid, then its two children's. */
	private static long[] pidsFrom(Process process) throws Exception {
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		assertThat(line).as("the server-like JVM told its pids").isNotNull();
		return Arrays.stream(line.trim().split(" ")).mapToLong(Long::parseLong).toArray();
	}

	private static List<Long> everyDescendant(long serverPid, long[] pids) {
		List<Long> all = new ArrayList<>(List.of(pids[1], pids[2]));
		ProcessHandle.of(serverPid).ifPresent(server -> server.descendants().forEach(p -> all.add(p.pid())));
		return all;
	}

	@Test
	void childrenAndSparesEndWhenTheirServerIsKilledWithSigkill() throws Exception {
		Process server = new ProcessBuilder(serverLikeCommand()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		List<Long> children = List.of();
		try {
			long[] pids = pidsFrom(server);
			children = everyDescendant(server.pid(), pids);
			assertThat(OsProcesses.isRunning(pids[1])).isTrue();
			server.destroyForcibly(); // SIGKILL: no shutdown hook, nothing said to anyone
			assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(OsProcesses.awaitEnded(children, FEW_SECONDS)).as("children left behind").isEmpty();
		}
		finally {
			server.destroyForcibly();
			children.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
		}
	}

	@Test
	@EnabledOnOs(OS.LINUX) // a zombie is told by /proc
	void aZombieServerFoolsNoChild() throws Exception {
		// sh starts the server, then becomes a sleep that never reaps it: killed, the server stays a zombie.
		String command = String.join(" ", serverLikeCommand().stream().map(arg -> "'" + arg + "'").toList());
		Process parentThatNeverReaps = new ProcessBuilder("/bin/sh", "-c", command + " & exec sleep 120")
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		List<Long> children = List.of();
		try {
			long[] pids = pidsFrom(parentThatNeverReaps);
			long serverPid = pids[0];
			children = everyDescendant(serverPid, pids);
			ProcessHandle.of(serverPid).orElseThrow().destroyForcibly();
			Eventually.within(FEW_SECONDS).until("the server to be a zombie nobody reaps", () -> OsProcesses.isZombie(serverPid));
			assertThat(OsProcesses.awaitEnded(children, FEW_SECONDS)).as("children left behind").isEmpty();
		}
		finally {
			parentThatNeverReaps.destroyForcibly();
			children.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
		}
	}

}
