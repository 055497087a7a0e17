package org.threadlab.cpython;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;
import org.threadlab.testing.Pythons;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

class DumpTracesScratch {

	@Test
	void dump() throws Exception {
		ScenarioCatalog catalog = new ScenarioCatalog();
		String only = System.getProperty("dump.only");
		for (Scenario s : catalog.all()) {
			if (only != null && !only.contains(s.id())) continue;
			try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of("/tmp/traces", s.id() + ".txt")))) {
				Trace trace = Runs.of(s).speed(10).run(Map.of());
				Map<Integer, ActorInfo> actors = new LinkedHashMap<>();
				out.println("== ThreadLab");
				for (Event e : trace.events()) {
					if (e.kind() == EventKind.SPAWN) {
						ActorInfo a = (ActorInfo) e.value();
						actors.put(a.id(), a);
						out.printf("SPAWN %s %s pid=%d parent=%d%n", a.name(), a.type(), a.pid(), a.parent());
					}
					else if (e.kind() != EventKind.GIL_REQUEST && e.kind() != EventKind.GIL_TAKEN && e.kind() != EventKind.GIL_DROPPED
							&& e.kind() != EventKind.READ && e.kind() != EventKind.WRITE) {
						ActorInfo a = actors.get(e.actor());
						out.printf("%.3f %s %s %s %s%n", e.timeNs() / 1e9, a == null ? e.actor() : a.name(), e.kind(), e.object(), e.value());
					}
				}
				out.println("== CPython");
				TracedPython.Traced traced = TracedPython.run(Pythons.interpreter(), RenderedListings.python(s.id(), Map.of()), 10, 1.0);
				for (PythonEvent e : traced.events()) {
					out.printf("%.3f %s %s %s %s c=%s%n", e.t(), e.actor(), e.kind(), e.object(), e.value(), e.cause());
				}
				out.println("exit " + traced.exitCode());
			}
		}
	}

}
