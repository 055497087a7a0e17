package org.threadlab.cpython;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a run's readers have read and not yet handed over: its printed lines and its trace, gathered and
 * handed to their consumers in batches at most every {@link #EVERY_MILLIS} ms (and once more at the end),
 * so that a program that writes a little all the time (a trace is written every 50 ms by each process)
 * makes a few messages a second, not one per write. Trace lines beyond {@code maxTraceLines} are
 * dropped, and one {@link TraceCut} with actor {@link #SERVER} says so.
 * <p>
 * Thread-safety: the readers add from their threads; {@link #hand()} is called by the run's watch and by
 * its last reader, never at once (it is synchronized), so each consumer is called by one thread at a time,
 * lines in the order they were read.
 */
final class Handover {

	/** How often gathered lines are handed over. */
	static final long EVERY_MILLIS = 100;

	/** The actor of the cut this server makes when a run's trace outgrows its limit. */
	static final String SERVER = "";

	private final Consumer<List<PythonRun.Line>> output;

	private final Consumer<List<TraceLine>> trace;

	private final long maxTraceLines;

	// guarded by this
	private List<PythonRun.Line> lines = new ArrayList<>();

	private List<TraceLine> traced = new ArrayList<>();

	private long traceLines;

	/** Handing over is serialized by this lock, apart from the gathering one. */
	private final Object handing = new Object();

	/** @param trace the trace's consumer, or null to drop the trace */
	Handover(Consumer<List<PythonRun.Line>> output, Consumer<List<TraceLine>> trace, long maxTraceLines) {
		this.output = output;
		this.trace = trace;
		this.maxTraceLines = maxTraceLines;
	}

	synchronized void line(PythonRun.Line line) {
		lines.add(line);
	}

	synchronized void trace(TraceLine line) {
		if (trace == null) {
			return;
		}
		traceLines++;
		if (traceLines <= maxTraceLines) {
			traced.add(line);
		}
		else if (traceLines == maxTraceLines + 1) {
			traced.add(new TraceCut(line.t(), SERVER, maxTraceLines));
		}
	}

	/**
	 * Hands over what was gathered: lines first, then the trace.
	 * @throws RuntimeException what a consumer threw: nobody takes them any more
	 */
	void hand() {
		synchronized (handing) {
			List<PythonRun.Line> outLines;
			List<TraceLine> outTrace;
			synchronized (this) {
				outLines = lines;
				outTrace = traced;
				lines = outLines.isEmpty() ? outLines : new ArrayList<>();
				traced = outTrace.isEmpty() ? outTrace : new ArrayList<>();
			}
			if (!outLines.isEmpty()) {
				output.accept(List.copyOf(outLines));
			}
			if (!outTrace.isEmpty()) {
				trace.accept(List.copyOf(outTrace));
			}
		}
	}

}
