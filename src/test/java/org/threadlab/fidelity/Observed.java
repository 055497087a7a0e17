package org.threadlab.fidelity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.threadlab.cpython.PythonEvent;
import org.threadlab.cpython.PythonRun;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.scenario.Listing;
import org.threadlab.testing.Trace;

/**
 * What one side showed of a run, in words both sides share: what was printed by whom, in order; how
 * the run ended; and, when it hung, the Python line each thread was stuck at. Immutable.
 *
 * @param printed each printed line with its thread (the main thread is "main" on both sides)
 * @param blocked for a run that hangs: the Python line (of the rendered listing) each waiting thread is at
 * @param note how the side ended, in its own words, for the report
 * @param steps what the side recorded, for the structural facts ({@link Structure})
 */
record Observed(Ending ending, List<Printed> printed, Map<String, Integer> blocked, String note, Steps steps) {

	/** How a run ends, as a learner would say it. */
	enum Ending {
		COMPLETES, HANGS, RAISES, STOPPED
	}

	record Printed(String thread, String text) {
		@Override
		public String toString() {
			return thread + ": " + text;
		}
	}

	List<String> texts() {
		return printed.stream().map(Printed::text).toList();
	}

	/** ThreadLab's side: the recorded events, read through the listing's line map. */
	static Observed threadLab(Trace trace, Outcome outcome, Listing listing) {
		Map<Integer, String> names = new HashMap<>();
		Set<Integer> threads = trace.actors().values().stream()
			.filter(a -> a.type() == ActorInfo.Type.THREAD)
			.map(ActorInfo::id)
			.collect(Collectors.toSet());
		trace.actors().values().forEach(a -> names.put(a.id(), a.name()));
		List<Printed> printed = new ArrayList<>();
		Map<Integer, Event> waiting = new HashMap<>();
		boolean found = false;
		for (Event e : trace.events()) {
			if (e.kind() == EventKind.PRINT) {
				printed.add(new Printed(names.getOrDefault(e.actor(), "?"), String.valueOf(e.value())));
			}
			if (found || !threads.contains(e.actor())) {
				continue;
			}
			switch (e.kind()) {
				case ACQUIRE, WAIT, JOIN, GET, PUT, REQUEST -> waiting.put(e.actor(), e);
				case ACQUIRED, WOKEN, JOINED, GOT, PUT_DONE, REPLY, EXIT -> waiting.remove(e.actor());
				case DEADLOCK, HANG -> found = true;
				default -> {
				}
			}
		}
		Ending ending = switch (outcome.status()) {
			case COMPLETED -> Ending.COMPLETES;
			case DEADLOCK, HANG -> Ending.HANGS;
			case FAILED -> Ending.RAISES;
			default -> Ending.STOPPED;
		};
		Map<String, Integer> blocked = new HashMap<>();
		if (ending == Ending.HANGS) {
			waiting.forEach((actor, e) -> blocked.put(names.get(actor), listing.javaToPython().getOrDefault(e.line(), 0)));
		}
		return new Observed(ending, printed, blocked,
				outcome.status() + (outcome.error() == null ? "" : " (" + outcome.error() + ")"), Steps.threadLab(trace));
	}

	/** CPython's side: its printed lines, its trace, and how it ended; a run stopped by the time limit hung. */
	static Observed cpython(List<PythonRun.Line> lines, PythonRun.Result result, List<PythonEvent> trace) {
		List<Printed> printed = lines.stream()
			.filter(l -> l.stream().equals("out"))
			.map(l -> new Printed(thread(l.thread()), l.text()))
			.toList();
		Ending ending = switch (result.status()) {
			case COMPLETED -> Ending.COMPLETES;
			case HANG, CANCELLED -> Ending.HANGS;
			case FAILED -> Ending.RAISES;
		};
		Map<String, Integer> blocked = new HashMap<>();
		result.frames().stream().filter(f -> f.line() > 0).forEach(f -> blocked.put(thread(f.thread()), f.line()));
		return new Observed(ending, printed, blocked, result.status() + (result.error() == null ? "" : " (" + result.error() + ")"),
				Steps.cpython(trace));
	}

	/** CPython's main thread is ThreadLab's main actor; a child process's main thread, that process. */
	private static String thread(String name) {
		if (name.endsWith("/MainThread")) {
			return name.substring(0, name.length() - "/MainThread".length());
		}
		return name.equals("MainThread") ? "main" : name;
	}

}
