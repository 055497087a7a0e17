package org.threadlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.threadlab.event.ActorInfo;
import org.threadlab.event.EventKind;

import tools.jackson.databind.JsonNode;

/**
 * {@code thread-target}'s daemon variant, run over a server's socket: the lesson that shows a server
 * really starts child JVMs (its main is a process, a daemon is cut off when main's process finalizes,
 * and the launcher sees it exit 0). For tests of a packaged server; stateless.
 */
public final class DaemonVariant {

	private DaemonVariant() {
	}

	/** Runs the variant at speed 10 on this client's server and checks it ran in a child process as CPython's would. */
	public static void runsInAChildProcess(SocketClient client) throws InterruptedException {
		client.start("thread-target", "{\"daemon\": true, \"join\": false}", 10);
		JsonNode started = client.next("started");
		Trace trace = Trace.fromJson(client.eventsUntilEnd(started.get("runId").asLong()));
		assertThat(trace.actor("main").type()).isEqualTo(ActorInfo.Type.PROCESS);
		assertThat(trace.first("Thread-1 (get_detail_html)", EventKind.EXIT).value()).isEqualTo("cut off");
		assertThat(trace.first("launcher", EventKind.JOINED).value()).isEqualTo("exit code 0");
	}

}
