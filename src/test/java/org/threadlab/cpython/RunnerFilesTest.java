package org.threadlab.cpython;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every file of the runner is listed in cpython/files.txt, so Runner copies it beside sitecustomize.py. */
class RunnerFilesTest {

	@Test
	void everyPythonFileOfTheRunnerIsCopied() throws Exception {
		Path root = Path.of("src/main/resources/cpython");
		List<String> present;
		try (Stream<Path> files = Files.walk(root)) {
			present = files.filter(f -> f.toString().endsWith(".py")).map(f -> root.relativize(f).toString().replace('\\', '/')).toList();
		}
		Path copied = Runner.directory();
		assertThat(present).isNotEmpty().allSatisfy(name -> assertThat(copied.resolve(name)).exists());
		assertThat(Files.readAllLines(root.resolve("files.txt")).stream().filter(l -> !l.isBlank()))
			.containsExactlyInAnyOrderElementsOf(present);
	}

}
