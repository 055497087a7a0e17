package org.threadlab.cpython;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.threadlab.testing.OsProcesses;
import org.threadlab.testing.Pythons;

/**
 * No listing outlives its server: a server-like JVM running three listings (each with a manager, child
 * processes, a pool and a fork) is killed with SIGKILL, and within a second no process of theirs runs.
 */
@EnabledOnOs(OS.LINUX) // process groups are read from /proc
class PythonDiesWithItsServerTest {

	@Test
	void everyProcessOfEveryListingEndsWithinASecondOfTheServersSigkill() throws Exception {
		Pythons.interpreter();
		Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
				PythonServerLike.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		List<Long> left = List.of();
		try {
			String said = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
			assertThat(said).as("the server-like JVM told its pids").isNotNull().doesNotContain("not ready");
			long[] pids = Arrays.stream(said.trim().split(" ")).mapToLong(Long::parseLong).toArray();
			Set<Long> groups = Arrays.stream(pids, 1, pids.length).boxed().collect(Collectors.toSet());
			List<Long> listings = inGroups(groups);
			assertThat(listings).as("each listing's interpreter, manager, processes, pool and fork").hasSizeGreaterThanOrEqualTo(3 * 7);
			long killed = System.nanoTime();
			server.destroyForcibly(); // SIGKILL: no shutdown hook, nothing said to anyone
			left = OsProcesses.awaitEnded(listings, java.time.Duration.ofSeconds(10));
			while (!inGroups(groups).isEmpty() && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(10)) {
				Thread.sleep(5);
			}
			double seconds = (System.nanoTime() - killed) / 1e9;
			System.out.printf("%d python processes of 3 listings ended %.3f s after their server's SIGKILL%n", listings.size(), seconds);
			assertThat(left).as("python processes left").isEmpty();
			assertThat(inGroups(groups)).as("processes left in the listings' groups").isEmpty();
			assertThat(seconds).as("seconds until the last one ended").isLessThan(1.0);
		}
		finally {
			server.destroyForcibly();
			left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
		}
	}

	/** The running processes whose process group is one of {@code groups}, read from /proc. */
	private static List<Long> inGroups(Set<Long> groups) {
		return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(pid -> {
			try {
				String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				return !fields[0].equals("Z") && groups.contains(Long.parseLong(fields[2]));
			}
			catch (Exception gone) {
				return false;
			}
		}).toList();
	}

}
