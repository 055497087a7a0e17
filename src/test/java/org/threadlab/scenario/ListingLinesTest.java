package org.threadlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Gil;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/**
 * Where each thread is, in both listings: every Java line a recorded event points at has its Python
 * line, and that Python line does the same thing — a print prints, a sleep sleeps, an acquire takes a
 * lock (or enters its {@code with}). Each scenario runs in every way its page can show it.
 */
class ListingLinesTest {

	private static final ScenarioCatalog CATALOG = new ScenarioCatalog();

	/** What the Python line of an event of each kind must say. */
	private static final Map<EventKind, Pattern> SAYS = new EnumMap<>(EventKind.class);

	private static void says(String regex, EventKind... kinds) {
		for (EventKind kind : kinds) {
			SAYS.put(kind, Pattern.compile(regex));
		}
	}

	static {
		// a pool's steps are made by its methods: a thread or process pool's, multiprocessing.Pool's
		String pool = "|submit\\(|\\.map\\(|with ThreadPoolExecutor|with ProcessPoolExecutor|Pool\\(|\\.apply(_async)?\\("
				+ "|\\.imap(_unordered)?\\(|\\.close\\(|\\.join\\(|\\.terminate\\(";
		says("print\\(", EventKind.PRINT);
		says("time\\.sleep\\(", EventKind.SLEEP, EventKind.WAKE);
		says("\\.acquire\\(|\\.release\\(|with |\\.wait\\(|\\.wait_for\\(" + pool, EventKind.ACQUIRE, EventKind.ACQUIRED,
				EventKind.RELEASE);
		says("Thread\\(|__init__\\(|Process\\(|Manager\\(" + pool, EventKind.SPAWN);
		says("\\.start\\(" + pool, EventKind.START);
		says("\\.join\\(|with ThreadPoolExecutor|with ProcessPoolExecutor", EventKind.JOIN, EventKind.JOINED);
		says("Lock\\(|Condition\\(|Semaphore\\(|Queue\\(|Pipe\\(|= 0|= \\[\\]" + pool, EventKind.CREATE);
		says("\\.put\\(|\\.send\\(" + pool, EventKind.PUT, EventKind.PUT_DONE);
		// a recv receives; Manager() waits for its server's address
		says("\\.get\\(|\\.recv\\(|Manager\\(|\\.imap(_unordered)?\\(" + pool, EventKind.GET, EventKind.GOT);
		says("\\.task_done\\(", EventKind.TASK_DONE);
		says("\\.wait\\(|\\.wait_for\\(|wait\\(|as_completed\\(|\\.result\\(|\\.map\\(|\\.get\\(", EventKind.WAIT, EventKind.WOKEN);
		says("\\.notify", EventKind.NOTIFY, EventKind.NOTIFY_ALL);
		says("submit\\(|\\.map\\(|\\.apply(_async)?\\(", EventKind.SUBMIT);
		says("\\.result\\(|\\.map\\(|\\.get\\(", EventKind.RESULT, EventKind.EXCEPTION);
		says("\\.cancel\\(", EventKind.CANCEL);
	}

	/**
	 * Where a process's own steps are: {@code if __name__ == "__main__":} for a script that is a process of
	 * its own, the pool's line for a pool's worker processes (started, joined by the pool's methods).
	 */
	private static final Pattern PROCESS = Pattern.compile("__main__|Pool\\(|submit\\(|\\.join\\(|with ProcessPoolExecutor");

	static Stream<Arguments> everyWayEachScenarioRuns() {
		List<Arguments> all = new ArrayList<>();
		for (Scenario scenario : CATALOG.all()) {
			for (Map<String, Object> values : ScenarioTexts.renderings(scenario)) {
				all.add(Arguments.of(scenario.id(), values));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("everyWayEachScenarioRuns")
	void everyLineAnEventPointsAtHasItsPythonLineThatSaysTheSame(String id, Map<String, Object> values) throws Exception {
		Scenario scenario = CATALOG.find(id).orElseThrow();
		Trace trace = Runs.of(scenario).speed(20).gil(Gil.Mode.BACK_EDGES_AND_CALLS, 0.005).run(values);
		Params params = Params.parse(scenario.parameters(), values);
		String[] java = CATALOG.texts(scenario, Language.EN).javaListing().split("\n", -1);
		Set<String> processes = new HashSet<>();
		trace.actors().values().stream().filter(a -> a.type() == ActorInfo.Type.PROCESS).forEach(a -> processes.add(a.name()));
		List<String> wrong = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int checked = 0;
		for (Language language : Language.values()) {
			Listing listing = CATALOG.listing(scenario, language, params);
			String[] python = listing.python().split("\n", -1);
			for (Event e : trace.events()) {
				if (e.line() <= 0 || !seen.add(language + " " + e.kind() + " " + e.line())) {
					continue;
				}
				checked++;
				String javaLine = java[e.line() - 1].trim();
				Integer pythonLine = listing.javaToPython().get(e.line());
				if (pythonLine == null) {
					wrong.add(language + ": " + e.kind() + " at Java line " + e.line() + " (" + javaLine + ") has no Python line");
					continue;
				}
				String said = python[pythonLine - 1];
				Pattern expected = aboutAProcess(e, trace, processes) ? either(either(PROCESS, processLine(e, trace)), SAYS.get(e.kind())) : SAYS.get(e.kind());
				if (expected != null && !expected.matcher(said).find()) {
					wrong.add(language + ": " + e.kind() + " at Java line " + e.line() + " (" + javaLine + ") maps to Python line "
							+ pythonLine + " (" + said.trim() + "), which does not say " + expected);
				}
			}
		}
		assertThat(checked).as("events with a line").isPositive();
		assertThat(wrong).as("lines of %s %s", id, values).isEmpty();
	}

	/**
	 * What a line about a process says. A process the launcher starts is the script itself: in Python its
	 * first line, or {@code if __name__ == "__main__":}. A process the lesson makes is made by
	 * {@code Process(...)}, a subclass's {@code __init__}, or {@code os.fork()}, and joined by {@code join()}.
	 */
	private static Pattern processLine(Event e, Trace trace) {
		int by = e.value() instanceof ActorInfo spawned ? spawned.parent() : e.actor(); // a SPAWN is its maker's step
		boolean byLauncher = trace.actors().values().stream().anyMatch(a -> a.id() == by && a.name().equals("launcher"));
		if (byLauncher) {
			return Pattern.compile("__main__|^import ");
		}
		return e.kind() == EventKind.SPAWN ? Pattern.compile("Process\\(|fork\\(|__init__\\(") : Pattern.compile("\\.join\\(");
	}

	/** A child process's own steps, or its making and joining. */
	private static Pattern either(Pattern one, Pattern other) {
		return other == null ? one : Pattern.compile(one.pattern() + "|" + other.pattern());
	}

	private static boolean aboutAProcess(Event e, Trace trace, Set<String> processes) {
		if (e.value() instanceof ActorInfo info) {
			return info.type() == ActorInfo.Type.PROCESS;
		}
		boolean byAProcess = trace.actors().values().stream()
			.anyMatch(a -> a.id() == e.actor() && a.type() == ActorInfo.Type.PROCESS);
		return (e.kind() == EventKind.START && byAProcess) || (e.object() != null && processes.contains(e.object()));
	}

}
