package org.threadlab.scenario.processes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.testing.Trace;

/** What the tests of §6's pools read in a trace: the workers, their busy spans, the times printed. Stateless. */
final class PoolTraces {

	private PoolTraces() {
	}

	static String nameOf(Trace trace, int actor) {
		return trace.actors().values().stream().filter(a -> a.id() == actor).findFirst().orElseThrow().name();
	}

	static List<ActorInfo> processes(Trace trace, String prefix) {
		return trace.actors().values().stream().filter(a -> a.name().startsWith(prefix)).toList();
	}

	private static final Pattern ELAPSED = Pattern.compile("^(serial|threads|processes)(?:: last time is)?: (\\d+\\.\\d+) s");

	static Map<String, Double> elapsed(Trace trace) {
		Map<String, Double> seconds = new LinkedHashMap<>();
		for (String line : trace.printsOf("main")) {
			Matcher m = ELAPSED.matcher(line);
			if (m.find()) {
				seconds.put(m.group(1), Double.parseDouble(m.group(2)));
			}
		}
		return seconds;
	}

	/** The intervals in which the named actors were busy: from an event {@code opens} to the next {@code closes}. */
	static List<long[]> spans(Trace trace, String prefix, Predicate<Event> opens, Predicate<Event> closes) {
		List<long[]> spans = new ArrayList<>();
		for (ActorInfo worker : processes(trace, prefix)) {
			long start = -1;
			for (Event e : trace.of(worker.name())) {
				if (opens.test(e)) {
					start = e.timeNs();
				}
				else if (closes.test(e) && start >= 0) {
					spans.add(new long[] { start, e.timeNs() });
					start = -1;
				}
			}
		}
		return spans;
	}

	/** How many of the spans ever run at the same moment. */
	static int mostAtOnce(List<long[]> spans) {
		List<long[]> edges = new ArrayList<>();
		spans.forEach(s -> {
			edges.add(new long[] { s[0], 1 });
			edges.add(new long[] { s[1], -1 });
		});
		edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
		int now = 0;
		int most = 0;
		for (long[] edge : edges) {
			now += (int) edge[1];
			most = Math.max(most, now);
		}
		return most;
	}

	/** The spans in which each named thread held the GIL. */
	static List<long[]> gilHolds(Trace trace, String prefix) {
		return spans(trace, prefix, e -> e.kind() == EventKind.GIL_TAKEN, e -> e.kind() == EventKind.GIL_DROPPED);
	}
}
