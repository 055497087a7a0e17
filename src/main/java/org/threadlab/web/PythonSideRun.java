package org.threadlab.web;

import java.util.function.Consumer;

import org.threadlab.cpython.PythonRuns;
import org.threadlab.launch.LaunchRefused;

/**
 * One socket's CPython side-run ({@code python} in docs/protocol.md): the scenario's listing under the
 * server's python3, beside the socket's run, one at a time; its {@code python-started},
 * {@code python-output} and {@code python-end}, or the error that refused it, go to the socket.
 * <p>
 * Thread-safety: any thread; {@link PythonRuns} keeps the socket's run, keyed by the socket's id.
 */
final class PythonSideRun {

	private final PythonRuns pythons;

	private final String owner;

	private final Consumer<Object> post;

	/** @param post sends a message to the socket, from any thread; it must not block */
	PythonSideRun(PythonRuns pythons, String owner, Consumer<Object> post) {
		this.pythons = pythons;
		this.owner = owner;
		this.post = post;
	}

	/** Starts the listing, ending the socket's previous one; a refused request is answered, and changes nothing. */
	void start(Incoming.Python request) {
		try {
			pythons.start(owner, request.request(), request.language(), post);
		}
		catch (LaunchRefused refused) {
			post.accept(new Messages.Error(refused.code(), refused.getMessage(), refused.details()));
		}
	}

	/** Kills the socket's CPython run with every process it started, if it has one; its end still comes. */
	void cancel() {
		pythons.cancel(owner);
	}

}
