package org.threadlab.scenario.processes;

import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.testing.Trace;

/** Prints a trace, one event a line: for looking at a run while writing its test. */
final class Dump {

	private Dump() {
	}

	static void print(Trace trace) {
		java.util.Map<Integer, String> names = new java.util.HashMap<>();
		trace.events().forEach(e -> {
			if (e.value() instanceof ActorInfo info) {
				names.put(info.id(), info.name());
			}
		});
		for (Event e : trace.events()) {
			if (e.kind().name().startsWith("GIL_")) {
				continue;
			}
			System.out.printf("%5d %8.3f %-28s %-12s %-30s %-50s %d %d%n", e.seq(), e.timeNs() / 1e9,
					names.getOrDefault(e.actor(), "?"), e.kind(), e.object(), e.value(), e.line(), e.cause());
		}
	}

}
