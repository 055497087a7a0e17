package org.threadlab.web;

import java.util.function.Consumer;

import org.threadlab.cpython.PythonRuns;
import org.threadlab.launch.LaunchRefused;

/**
 * One socket's CPython side-run ({@code python} in docs/protocol.md): the scenario's listing under the
 * server's python3, beside the socket's run, one at a time, admitted as the client's runs are; its
 * {@code python-queued}, {@code python-started}, {@code python-output}, {@code python-events} and
 * {@code python-end}, or the error that refused it, go to the socket.
 * <p>
 * Thread-safety: any thread; {@link PythonRuns} keeps the socket's run, keyed by the socket's id.
 */
final class PythonSideRun {

	private final PythonRuns pythons;

	private final String owner;

	private final String client;

	private final Consumer<Object> post;

	/**
	 * @param client who the client is, for its fair share of the server
	 * @param post sends a message to the socket, from any thread; it must not block
	 */
	PythonSideRun(PythonRuns pythons, String owner, String client, Consumer<Object> post) {
		this.pythons = pythons;
		this.owner = owner;
		this.client = client;
		this.post = post;
	}

	/**
	 * Asks for room for the listing, which ends the socket's previous one when it starts; a refused request
	 * is answered, and changes nothing.
	 */
	void start(Incoming.Python request) {
		try {
			pythons.start(owner, client, request.request(), request.language(), post);
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
