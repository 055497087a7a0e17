package org.threadlab.cpython;

import java.util.List;

/**
 * The messages a listing under CPython sends its owner, as docs/protocol.md shows them ({@code type} says
 * which): JSON records, immutable.
 */
public final class PythonMessages {

	private PythonMessages() {
	}

	/** The listing has started under this python. */
	public record Started(String type, long pythonRunId, String scenario, String version) {
	}

	/** The listing waits for room; its place in the queue, 1 = next. */
	public record Queued(String type, long pythonRunId, int position) {
	}

	/** Printed lines as the page shows them: lesson seconds, stream, thread, text. */
	public record Output(String type, long pythonRunId, List<PythonRun.Line> lines) {
	}

	/** What the listing did, in ThreadLab's vocabulary; {@code cuts}: processes that stopped tracing. */
	public record Events(String type, long pythonRunId, List<PythonEvent> events, List<TraceCut> cuts) {
	}

	/** How it ended; for a HANG, where each thread waits (line 0: outside the listing). */
	public record End(String type, long pythonRunId, String status, double elapsed, String error,
			List<PythonRun.Frame> frames) {
	}

}
