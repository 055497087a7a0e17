package org.threadlab.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.threadlab.cpython.Interpreter;
import org.threadlab.cpython.PythonEvent;
import org.threadlab.cpython.PythonRun;
import org.threadlab.cpython.TraceLine;
import org.threadlab.run.Outcome;
import org.threadlab.scenario.Language;
import org.threadlab.scenario.Listing;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;
import org.threadlab.testing.Pythons;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/**
 * The fidelity suite: each scenario and variant runs as its own Python listing under the python3 on
 * the PATH (its sleeps scaled by ThreadLab's runner, the listing untouched), rendered in each language the
 * page speaks (the code is one, the comments and so the line numbers differ), and in ThreadLab, and what
 * both show is compared as {@link Cases} declares. Prints a report of what was compared, also written to
 * target/fidelity-report.txt. A case that cannot be compared (its CPython, say a free-threaded build, is not
 * on this machine) is SKIPPED, saying why, never passed; the whole suite is skipped, saying why, where there
 * is no python3 3.10 or newer. {@code -Dfidelity.only=deadlock,queue} runs the cases of those scenarios only.
 */
class FidelityTest {

	private static final ScenarioCatalog CATALOG = new ScenarioCatalog();

	/** A program that hangs is found by the runner after this much stillness, or by the time limit. */
	private static final PythonRun.Limits LIMITS = new PythonRun.Limits(90, 16, 2_000_000, 1.0);

	private static final Map<String, List<String>> REPORT = Collections.synchronizedMap(new LinkedHashMap<>());

	/** Runs of each side at least, for a case with a racy structural fact (judged as a set over them). */
	private static final int RACY_RUNS = 2;

	/** How many structural facts each compared case compared. */
	private static final List<Integer> STRUCTURE = new CopyOnWriteArrayList<>();

	private static String header = "";

	@TestFactory
	Stream<DynamicTest> everyLessonShowsWhatCPythonShows() {
		Interpreter python = Pythons.interpreter();
		header = "ThreadLab against CPython " + python.version() + " (python3), each listing rendered for its variant, in English and in Chinese";
		List<String> only = List.of(System.getProperty("fidelity.only", "").split(",")).stream().filter(id -> !id.isBlank()).toList();
		return Cases.all(CATALOG)
			.stream()
			.filter(c -> only.isEmpty() || only.contains(c.scenario))
			.map(c -> DynamicTest.dynamicTest(c.title(), () -> check(c, python)));
	}

	private static void check(Case c, Interpreter python3) throws Exception {
		Scenario scenario = CATALOG.find(c.scenario).orElseThrow();
		Params params = Params.parse(scenario.parameters(), c.values);
		Map<Language, Listing> listings = new EnumMap<>(Language.class);
		for (Language language : Language.values()) {
			listings.put(language, CATALOG.listing(scenario, language, params));
		}
		Interpreter python = python3;
		String pythonMissing = null;
		if (!c.python.equals("python3")) {
			Interpreter.Lookup other = Interpreter.find(c.python);
			python = other.interpreter();
			pythonMissing = other.missing();
		}
		LessonFacts.Of structure = LessonFacts.of(c);
		int runs = structure.racy() ? Math.max(c.runs, RACY_RUNS) : c.runs;
		List<String> report = new ArrayList<>();
		report.add("    shows:    " + c.lesson);
		report.add("    compares: " + c.compares() + (python == null ? "" : ", the listing in each language"));
		long began = System.nanoTime();
		List<String> problems = new ArrayList<>();
		List<Observed> ours = new ArrayList<>();
		Map<Language, List<Observed>> theirs = new EnumMap<>(Language.class);
		for (int run = 1; run <= runs; run++) {
			OurRun threadLab = threadLab(c, scenario);
			ours.add(threadLab.as(listings.get(Language.EN)));
			for (Language language : python == null ? List.<Language>of() : List.of(Language.values())) {
				Observed cpython = cpython(c, python, listings.get(language));
				theirs.computeIfAbsent(language, l -> new ArrayList<>()).add(cpython);
				for (String wrong : StructureCheck.differences(structure.facts(), ours.get(ours.size() - 1), cpython)) {
					problems.add("run " + run + " (" + language.code() + "): structure: " + wrong);
					report.add("    run " + run + " (" + language.code() + ") structure differs: " + wrong);
				}
				if (c.fact != null) {
					continue;
				}
				Observed ourRun = threadLab.as(listings.get(language));
				List<String> wrong = c.differences(ourRun, cpython);
				String which = "run " + run + " (" + language.code() + ")";
				if (!wrong.isEmpty()) {
					problems.add(which + ": " + String.join("; ", wrong));
					report.add("    " + which + " differs: " + String.join("; ", wrong));
					report.add("      CPython:   " + shown(cpython));
					report.add("      ThreadLab: " + shown(ourRun));
				}
				else if (run == 1) {
					report.add("      CPython (" + language.code() + "): " + shown(cpython));
					if (!c.names && language == Language.EN) {
						report.add("      threads:   CPython " + names(cpython) + "; ThreadLab " + names(ourRun));
					}
				}
			}
			if (c.fact != null && c.fact.holds(ours) && theirs.values().stream().allMatch(c.fact::holds)) {
				break; // a fact of some run: seen on both sides, no need for more runs
			}
		}
		String skipped = null;
		if (c.fact != null) {
			boolean ourFact = c.fact.holds(ours);
			report.add("    ThreadLab: " + (ourFact ? "holds" : "does not hold") + " — totals " + firsts(ours));
			if (!ourFact) {
				problems.add("ThreadLab: " + c.fact.says() + " does not hold");
			}
			for (Map.Entry<Language, List<Observed>> side : theirs.entrySet()) {
				boolean theirFact = c.fact.holds(side.getValue());
				report.add("    CPython " + python.version() + " (" + side.getKey().code() + "): "
						+ (theirFact ? "holds" : "does not hold") + " — totals " + firsts(side.getValue()));
				if (!theirFact) {
					problems.add("CPython (" + side.getKey().code() + "): " + c.fact.says() + " does not hold");
				}
			}
		}
		if (python != null) {
			List<Observed> allTheirs = theirs.values().stream().flatMap(List::stream).toList();
			for (String wrong : StructureCheck.racyDifferences(structure.facts(), ours, allTheirs)) {
				problems.add("structure, over " + runs + " runs: " + wrong);
				report.add("    structure over " + runs + " runs differs: " + wrong);
			}
			report.addAll(StructureCheck.report(structure, ours, allTheirs, runs));
			STRUCTURE.add(structure.facts().size());
		}
		else {
			report.add("    structure: SKIPPED, not compared with CPython: " + pythonMissing);
		}
		if (python == null) {
			skipped = "not compared with CPython: " + pythonMissing
					+ (c.gil == null ? " (a free-threaded build runs without the GIL)" : "");
			report.add("    SKIPPED:  " + skipped + "; ThreadLab's side " + (problems.isEmpty() ? "holds" : "does not hold"));
		}
		report.add(String.format("    took %.1f s", (System.nanoTime() - began) / 1e9));
		String verdict = !problems.isEmpty() ? "FAIL " : skipped != null ? "SKIPPED " : "PASS ";
		REPORT.put(verdict + c.title(), report);
		assertThat(problems).as("%s: %s", c.title(), c.lesson).isEmpty();
		if (skipped != null) {
			Assumptions.abort(c.title() + ": " + skipped);
		}
	}

	/** One run of ThreadLab's, seen through the listing of either language (where a hung thread stands in it). */
	private record OurRun(Trace trace, Outcome outcome) {

		Observed as(Listing listing) {
			return Observed.threadLab(trace, outcome, listing);
		}

	}

	private static OurRun threadLab(Case c, Scenario scenario) throws Exception {
		Runs runs = Runs.of(scenario).speed(c.speed);
		if (c.gil != null) {
			runs.gil(c.gil, 0.005);
		}
		Trace trace = runs.run(c.values);
		return new OurRun(trace, runs.outcome());
	}

	private static Observed cpython(Case c, Interpreter python, Listing listing) throws Exception {
		List<PythonRun.Line> lines = new CopyOnWriteArrayList<>();
		List<TraceLine> trace = new CopyOnWriteArrayList<>();
		PythonRun run = PythonRun.start(python, listing.python(), c.speed, LIMITS, lines::addAll, trace::addAll);
		PythonRun.Result result = run.result().get(LIMITS.maxSeconds() + 30, TimeUnit.SECONDS);
		return Observed.cpython(lines, result, trace.stream().filter(PythonEvent.class::isInstance).map(PythonEvent.class::cast).toList());
	}

	private static String shown(Observed o) {
		if (o == null) {
			return "(not run)";
		}
		String lines = o.printed().size() > 12
				? o.printed().size() + " lines: " + o.texts().subList(0, 4) + " … " + o.texts().get(o.texts().size() - 1)
				: o.printed().stream().map(Observed.Printed::toString).collect(Collectors.joining(" | "));
		String stuck = o.blocked().isEmpty() ? "" : "; stuck: " + new java.util.TreeMap<>(o.blocked());
		return lines + "; " + o.note() + stuck;
	}

	private static String names(Observed o) {
		return o.printed().stream().map(Observed.Printed::thread).distinct().sorted().limit(4).toList()
				+ (o.printed().stream().map(Observed.Printed::thread).distinct().count() > 4 ? "…" : "");
	}

	private static List<String> firsts(List<Observed> runs) {
		return runs.stream().map(o -> o.texts().isEmpty() ? "-" : o.texts().get(0)).toList();
	}

	@AfterAll
	static void report() throws IOException {
		if (REPORT.isEmpty()) {
			return;
		}
		StringBuilder text = new StringBuilder(header).append('\n').append("=".repeat(header.length())).append('\n');
		long passed;
		synchronized (REPORT) {
			REPORT.forEach((title, lines) -> {
				text.append(title).append('\n');
				lines.forEach(line -> text.append(line).append('\n'));
			});
			passed = REPORT.keySet().stream().filter(t -> t.startsWith("PASS")).count();
			List<String> skipped = REPORT.keySet().stream().filter(t -> t.startsWith("SKIPPED ")).map(t -> t.substring(8)).toList();
			long failed = REPORT.keySet().stream().filter(t -> t.startsWith("FAIL")).count();
			text.append(passed).append(" of ").append(REPORT.size()).append(" cases show what CPython shows, in English and in Chinese; ")
				.append(failed).append(" failed; ").append(skipped.size()).append(" skipped, not compared")
				.append(skipped.isEmpty() ? "" : ": " + String.join(", ", skipped)).append(".\n");
			text.append("Structure (CPython traced by its runner): ").append(STRUCTURE.stream().mapToInt(Integer::intValue).sum())
				.append(" facts compared over ").append(STRUCTURE.stream().filter(n -> n > 0).count()).append(" cases")
				.append(failed == 0 ? ", all holding" : "").append(".\n");
		}
		System.out.println(text);
		Path file = Path.of("target", "fidelity-report.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

}
