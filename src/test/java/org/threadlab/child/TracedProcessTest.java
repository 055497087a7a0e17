package org.threadlab.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Trace;

/** Child processes are real, report over a real pipe, and never outlive their parent. */
class TracedProcessTest {

	private static final String CLASS_PATH = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
			+ Path.of("target", "test-classes").toAbsolutePath();

	@BeforeAll
	static void letChildrenLoadTestPrograms() {
		System.setProperty(ChildLauncher.CLASS_PATH_PROPERTY, CLASS_PATH);
	}

	@AfterAll
	static void restore() {
		System.clearProperty(ChildLauncher.CLASS_PATH_PROPERTY);
	}

	@Test
	void linesThatAreNotEventsAreSkippedAndThePipeIsReadToItsEnd() throws Exception {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 10_000);
		run.start("launcher", () -> {
			TracedProcess child = new TracedProcess("noisy", NoisyProgram.class, Map.of());
			child.start();
			child.join();
		});
		Outcome outcome = run.outcome().get(60, TimeUnit.SECONDS);
		assertThat(outcome.status()).isEqualTo(Outcome.Status.COMPLETED);
		Trace trace = Trace.of(run.recorder());
		assertThat(trace.actor("noisy").type()).isEqualTo(ActorInfo.Type.PROCESS);
		assertThat(trace.printsOf("noisy")).containsExactly("still heard");
		assertThat(trace.first("noisy", EventKind.EXIT).value()).isNull();
		assertThat(trace.first("launcher", EventKind.JOINED).value()).isEqualTo("exit code 0");
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
	}

	@Test
	void aChildWhoseParentDiesEndsByItself() throws Exception {
		Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-D" + ChildLauncher.CLASS_PATH_PROPERTY + "=" + CLASS_PATH, "-cp", CLASS_PATH, OrphanMaker.class.getName())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		long childPid;
		try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
			childPid = Long.parseLong(out.readLine().trim());
		}
		assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
		Optional<ProcessHandle> child = ProcessHandle.of(childPid);
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (child.map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(child.map(ProcessHandle::isAlive).orElse(false)).as("the orphan ended by itself").isFalse();
		}
		finally {
			child.ifPresent(ProcessHandle::destroyForcibly);
		}
	}

}
