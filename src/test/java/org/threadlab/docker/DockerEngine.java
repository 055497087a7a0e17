package org.threadlab.docker;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test only where a Docker engine answers; elsewhere skips it and says why. A {@code docker}
 * client alone is not enough (so it is on the machines this project is built on: the client is
 * installed, no engine runs).
 */
final class DockerEngine implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		boolean answers;
		try {
			answers = DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			answers = false;
		}
		return answers ? ConditionEvaluationResult.enabled("a Docker engine answers")
				: ConditionEvaluationResult.disabled("no Docker engine answers here (a docker client without a running "
						+ "engine is not enough): the image is built and tried where one runs, such as a developer's "
						+ "machine with Docker Desktop or a CI runner with Docker");
	}

}
