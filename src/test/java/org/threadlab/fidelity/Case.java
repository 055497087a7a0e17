package org.threadlab.fidelity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.threadlab.run.Gil;

/**
 * One scenario, run one way, on both sides, and what of it must look the same: the printed lines in
 * their order (or as a multiset where threads race), who printed them, timings within a tolerance, the
 * ending, and where each thread stuck when it hangs. Racy facts are judged over several runs: "in every
 * run" holds only if each run holds it. Built once, fluently; immutable once the suite runs.
 */
final class Case {

	/** How printed lines are compared. */
	enum Order {
		/** the same lines in the same order */
		SEQUENCE,
		/** the same lines, in any order: the threads race */
		MULTISET
	}

	/** A decimal number in a printed line (a timing). */
	private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

	final String scenario;

	final String label;

	final Map<String, Object> values;

	String lesson = "";

	double speed = 10;

	int runs = 1;

	Order order = Order.SEQUENCE;

	boolean names = true;

	Gil.Mode gil = Gil.Mode.BACK_EDGES_AND_CALLS;

	/** The python to compare with: "python3", or a free-threaded build for the GIL-off facts. */
	String python = "python3";

	/** Lines only ThreadLab prints (it counts what CPython cannot), by their start. */
	final List<String> threadLabOnly = new ArrayList<>();

	/** Lines neither side is held to: CPython itself races on whether or when they are printed. */
	final List<String> ignored = new ArrayList<>();

	/** For lines compared as a multiset, the order that still holds: the first line starting with each, in turn. */
	final List<String> inOrder = new ArrayList<>();

	/** Lines whose decimal numbers are timings: compared within {@link #tolerance}, or not at all (CPU time). */
	final List<String> timings = new ArrayList<>();

	double tolerance = 0.5;

	/** Whether numbers of three digits or more are pids, which differ from run to run and side to side. */
	boolean pidsAside;

	private static final Pattern PID = Pattern.compile("\\b\\d{3,}\\b");

	boolean cpuTime;

	/** A fact judged over all runs of each side instead of run by run ("non-zero in some run"). */
	Fact fact;

	/** What the fact says, for the report, and whether a side's runs show it. */
	record Fact(String says, Predicate<List<Observed>> test) {

		boolean holds(List<Observed> runs) {
			return test.test(runs);
		}

	}

	private Case(String scenario, String label, Map<String, Object> values) {
		this.scenario = scenario;
		this.label = label;
		this.values = values;
	}

	static Case of(String scenario, String label, Map<String, Object> values) {
		return new Case(scenario, label, values);
	}

	Case lesson(String lesson) {
		this.lesson = lesson;
		return this;
	}

	Case speed(double speed) {
		this.speed = speed;
		return this;
	}

	Case runs(int runs) {
		this.runs = runs;
		return this;
	}

	Case racing() {
		this.order = Order.MULTISET;
		return this;
	}

	/** Pids (numbers of three digits or more) are compared as "some pid": each run's differ. */
	Case pidsAside() {
		this.pidsAside = true;
		return this;
	}

	Case namesAside() {
		this.names = false;
		return this;
	}

	Case gil(Gil.Mode gil) {
		this.gil = gil;
		return this;
	}

	Case python(String python) {
		this.python = python;
		return this;
	}

	Case threadLabOnly(String start) {
		threadLabOnly.add(start);
		return this;
	}

	Case ignoring(String start) {
		ignored.add(start);
		return this;
	}

	Case inOrder(String... starts) {
		inOrder.addAll(List.of(starts));
		return this;
	}

	Case timing(String start, double tolerance) {
		timings.add(start);
		this.tolerance = tolerance;
		return this;
	}

	Case cpuTime(String start) {
		timings.add(start);
		this.cpuTime = true;
		return this;
	}

	Case fact(String says, Predicate<List<Observed>> holds) {
		this.fact = new Fact(says, holds);
		return this;
	}

	String title() {
		return scenario + " [" + label + "]";
	}

	/** What this case compares, in a line of the report. */
	String compares() {
		List<String> what = new ArrayList<>();
		if (fact != null) {
			what.add(fact.says());
		}
		else {
			what.add(order == Order.SEQUENCE ? "printed lines in order" : "printed lines as a multiset (threads race)");
			if (!inOrder.isEmpty()) {
				what.add("in this order: " + String.join(" < ", inOrder.stream().map(o -> "\"" + o.trim() + "…\"").toList()));
			}
			if (names) {
				what.add("who printed each");
			}
			if (!timings.isEmpty()) {
				what.add(cpuTime ? "timings not compared (CPU time)" : "timings within ±" + tolerance + " s");
			}
			what.add("the ending");
			what.add("where each thread is stuck, if it hangs");
		}
		if (!threadLabOnly.isEmpty()) {
			what.add("ThreadLab's own lines aside (" + String.join(", ", threadLabOnly) + "…)");
		}
		if (!ignored.isEmpty()) {
			what.add("not held to (CPython races on it): " + String.join(", ", ignored.stream().map(i -> "\"" + i + "…\"").toList()));
		}
		return String.join("; ", what) + "; " + runs + (runs == 1 ? " run" : " runs") + " at speed " + speed;
	}

	/** The differences between one run of each side; none when they show the same. */
	List<String> differences(Observed threadLab, Observed cpython) {
		List<String> wrong = new ArrayList<>();
		if (threadLab.ending() != cpython.ending()) {
			wrong.add("ending: ThreadLab " + threadLab.ending() + ", CPython " + cpython.ending());
		}
		List<Observed.Printed> ours = threadLab.printed().stream()
			.filter(p -> threadLabOnly.stream().noneMatch(p.text()::startsWith))
			.filter(p -> ignored.stream().noneMatch(p.text()::startsWith))
			.toList();
		List<Observed.Printed> theirs = cpython.printed().stream()
			.filter(p -> ignored.stream().noneMatch(p.text()::startsWith))
			.toList();
		List<String> ourTexts = ours.stream().map(p -> shape(p.text())).toList();
		List<String> theirTexts = theirs.stream().map(p -> shape(p.text())).toList();
		if (!same(ourTexts, theirTexts)) {
			wrong.add(order == Order.SEQUENCE ? firstDifference(ourTexts, theirTexts) : multisetDifference(ourTexts, theirTexts));
		}
		else if (names && !same(ours.stream().map(p -> p.thread() + ": " + shape(p.text())).toList(),
				theirs.stream().map(p -> p.thread() + ": " + shape(p.text())).toList())) {
			wrong.add("who printed differs: ThreadLab " + threads(ours) + ", CPython " + threads(theirs));
		}
		if (!inOrder.isEmpty()) {
			String ourOrder = orderOf(ourTexts);
			if (ourOrder != null) {
				wrong.add("ThreadLab: " + ourOrder);
			}
			String theirOrder = orderOf(theirTexts);
			if (theirOrder != null) {
				wrong.add("CPython: " + theirOrder);
			}
		}
		if (!cpuTime && wrong.isEmpty()) {
			List<Double> a = numbers(ours);
			List<Double> b = numbers(theirs);
			for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
				if (Math.abs(a.get(i) - b.get(i)) > tolerance) {
					wrong.add("timing " + a.get(i) + " s against " + b.get(i) + " s, beyond ±" + tolerance + " s");
				}
			}
		}
		if (threadLab.ending() == Observed.Ending.HANGS && cpython.ending() == Observed.Ending.HANGS) {
			List<Integer> ourLines = threadLab.blocked().values().stream().filter(l -> l > 0).sorted().toList();
			List<Integer> theirLines = cpython.blocked().values().stream().filter(l -> l > 0).sorted().toList();
			if (!ourLines.equals(theirLines)) {
				wrong.add("stuck at different lines: ThreadLab " + new java.util.TreeMap<>(threadLab.blocked()) + ", CPython "
						+ new java.util.TreeMap<>(cpython.blocked()));
			}
			else if (names && !withLine(threadLab.blocked()).equals(withLine(cpython.blocked()))) {
				wrong.add("different threads stuck: ThreadLab " + new java.util.TreeMap<>(threadLab.blocked()) + ", CPython "
						+ new java.util.TreeMap<>(cpython.blocked()));
			}
		}
		return wrong;
	}

	/** Null when the lines keep {@link #inOrder}, else what broke it. */
	private String orderOf(List<String> texts) {
		int last = -1;
		for (String start : inOrder) {
			int at = -1;
			for (int i = 0; i < texts.size(); i++) {
				if (texts.get(i).startsWith(start)) {
					at = i;
					break;
				}
			}
			if (at < 0) {
				return "no line \"" + start + "…\"";
			}
			if (at < last) {
				return "\"" + start + "…\" comes too early";
			}
			last = at;
		}
		return null;
	}

	private static String firstDifference(List<String> ours, List<String> theirs) {
		int i = 0;
		while (i < ours.size() && i < theirs.size() && ours.get(i).equals(theirs.get(i))) {
			i++;
		}
		return "printed lines differ from line " + (i + 1) + ": ThreadLab " + (i < ours.size() ? "\"" + ours.get(i) + "\"" : "nothing")
				+ ", CPython " + (i < theirs.size() ? "\"" + theirs.get(i) + "\"" : "nothing");
	}

	private static String multisetDifference(List<String> ours, List<String> theirs) {
		List<String> onlyOurs = new ArrayList<>(ours);
		theirs.forEach(onlyOurs::remove);
		List<String> onlyTheirs = new ArrayList<>(theirs);
		ours.forEach(onlyTheirs::remove);
		return "printed lines differ as multisets: only ThreadLab printed " + onlyOurs + ", only CPython " + onlyTheirs;
	}

	private static Map<String, Integer> withLine(Map<String, Integer> blocked) {
		Map<String, Integer> kept = new java.util.TreeMap<>();
		blocked.forEach((thread, line) -> {
			if (line > 0) {
				kept.put(thread, line);
			}
		});
		return kept;
	}

	private boolean same(List<String> a, List<String> b) {
		if (order == Order.SEQUENCE) {
			return a.equals(b);
		}
		return a.stream().sorted().toList().equals(b.stream().sorted().toList());
	}

	private static String threads(List<Observed.Printed> printed) {
		Map<String, Integer> count = new LinkedHashMap<>();
		printed.forEach(p -> count.merge(p.thread(), 1, Integer::sum));
		return count.keySet().toString();
	}

	/** A line with its timings replaced by "#": what must match exactly. */
	String shape(String text) {
		String shaped = isTiming(text) ? DECIMAL.matcher(text).replaceAll("#") : text;
		return pidsAside ? PID.matcher(shaped).replaceAll("<pid>") : shaped;
	}

	private boolean isTiming(String text) {
		return timings.stream().anyMatch(text::startsWith);
	}

	/** The timings printed, in the order printed (sorted by line for a multiset). */
	private List<Double> numbers(List<Observed.Printed> printed) {
		List<Observed.Printed> timed = new ArrayList<>(printed.stream().filter(p -> isTiming(p.text())).toList());
		if (order == Order.MULTISET) {
			timed.sort(Comparator.comparing(Observed.Printed::text));
		}
		List<Double> numbers = new ArrayList<>();
		for (Observed.Printed p : timed) {
			Matcher m = DECIMAL.matcher(p.text());
			while (m.find()) {
				numbers.add(Double.parseDouble(m.group()));
			}
		}
		return numbers;
	}

}
