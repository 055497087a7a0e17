package org.threadlab.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

/**
 * Runs a test only where a Docker engine answers and can get the Dockerfile's base images; elsewhere
 * skips it at once, saying which of the two is missing. A {@code docker} client alone is not enough (so it
 * is on the machines this project is built on: the client is installed, no engine runs), nor is an engine
 * that cannot reach an image registry: without this check the build would retry its pulls for minutes
 * and then fail.
 */
final class DockerEngine implements ExecutionCondition {

	/** How long a base image that is not there yet may take to arrive before the test is skipped. */
	private static final long PULL_SECONDS = 60;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		DockerClient docker;
		try {
			// a client of its own, without Testcontainers' client(): that would first start its reaper, whose
			// image it then tries to pull for minutes where no registry answers
			docker = DockerClientProviderStrategy.getClientForConfig(DockerClientFactory.instance().getTransportConfig());
			docker.pingCmd().exec();
		}
		catch (RuntimeException | LinkageError ex) {
			return noEngine();
		}
		List<String> needed = new java.util.ArrayList<>(baseImages());
		String reaper = org.testcontainers.utility.TestcontainersConfiguration.getInstance().getRyukImage();
		if (!"true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED")) && reaper != null && !reaper.isBlank()) {
			needed.add(reaper); // Testcontainers' own reaper, which it starts before any container
		}
		for (String image : needed) {
			String missing = whyMissing(docker, image);
			if (missing != null) {
				return ConditionEvaluationResult.disabled("a Docker engine answers, but it cannot get the image "
						+ image + " (" + missing + "): no image registry is reachable from it, so the image cannot be "
						+ "built here");
			}
		}
		return ConditionEvaluationResult.enabled("a Docker engine answers and has the images the test needs");
	}

	private static ConditionEvaluationResult noEngine() {
		return ConditionEvaluationResult.disabled("no Docker engine answers here (a docker client without a running "
				+ "engine is not enough): the image is built and tried where one runs, such as a developer's machine "
				+ "with Docker Desktop or a CI runner with Docker");
	}

	/** The images the Dockerfile's stages start from. */
	static List<String> baseImages() {
		try {
			return Files.readAllLines(DockerImageIT.DOCKERFILE)
				.stream()
				.map(String::trim)
				.filter(line -> line.startsWith("FROM "))
				.map(line -> line.split("\\s+")[1])
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + DockerImageIT.DOCKERFILE, ex);
		}
	}

	/** Null when the engine has {@code image} or pulls it in time; otherwise what went wrong. */
	private static String whyMissing(DockerClient docker, String image) {
		try {
			docker.inspectImageCmd(image).exec();
			return null;
		}
		catch (NotFoundException absent) {
			// not there yet: try to pull it below
		}
		catch (RuntimeException ex) {
			return ex.getMessage();
		}
		try {
			boolean done = docker.pullImageCmd(image).start().awaitCompletion(PULL_SECONDS, TimeUnit.SECONDS);
			return done ? null : "its pull did not finish in " + PULL_SECONDS + " s";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted while pulling it";
		}
		catch (RuntimeException ex) {
			return "its pull failed: " + ex.getMessage();
		}
	}

}
