package org.threadlab.fidelity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.threadlab.fidelity.Structure.Fact;

/**
 * Compares the structural facts of a case: run by run for an order that holds in every run, as a set over
 * all runs of each side for a racy one; and says in the report what was compared and what CPython showed.
 */
final class StructureCheck {

	/** The longest value the report shows. */
	private static final int SHOWN = 220;

	private StructureCheck() {
	}

	/** What differs between one run of each side, fact by fact (the racy ones aside). */
	static List<String> differences(List<Fact> facts, Observed ours, Observed theirs) {
		List<String> wrong = new ArrayList<>();
		for (Fact fact : facts) {
			if (fact.racy()) {
				continue;
			}
			Object a = fact.read().apply(ours.steps());
			Object b = fact.read().apply(theirs.steps());
			if (!Objects.equals(String.valueOf(a), String.valueOf(b))) {
				wrong.add(fact.says() + ": ThreadLab " + shown(a) + ", CPython " + shown(b));
			}
		}
		return wrong;
	}

	/** What differs between the sets the racy facts make over all runs of each side. */
	static List<String> racyDifferences(List<Fact> facts, List<Observed> ours, List<Observed> theirs) {
		List<String> wrong = new ArrayList<>();
		for (Fact fact : facts) {
			if (!fact.racy()) {
				continue;
			}
			Set<String> a = union(fact, ours);
			Set<String> b = union(fact, theirs);
			if (!a.equals(b)) {
				wrong.add(fact.says() + " (over the runs): ThreadLab " + shown(a) + ", CPython " + shown(b));
			}
		}
		return wrong;
	}

	/** The report's lines: each fact compared, with what CPython showed in its first run; or why none was. */
	static List<String> report(LessonFacts.Of structure, List<Observed> ours, List<Observed> theirs, int runs) {
		List<String> lines = new ArrayList<>();
		if (structure.facts().isEmpty()) {
			lines.add("    structure: SKIPPED, " + structure.skipped());
			return lines;
		}
		lines.add("    structure: " + structure.facts().size() + " facts of CPython's trace and ThreadLab's, in every run"
				+ (structure.racy() ? " (racy ones as sets over " + runs + " runs of each side)" : "") + ":");
		for (Fact fact : structure.facts()) {
			Object value = fact.racy() ? union(fact, theirs) : theirs.isEmpty() ? "(not run)" : fact.read().apply(theirs.get(0).steps());
			lines.add("      " + fact.says() + (fact.racy() ? " (racy)" : "") + ": " + shown(value));
		}
		return lines;
	}

	private static Set<String> union(Fact fact, List<Observed> runs) {
		Set<String> all = new TreeSet<>();
		for (Observed run : runs) {
			Object value = fact.read().apply(run.steps());
			if (value instanceof Collection<?> many) {
				many.forEach(v -> all.add(String.valueOf(v)));
			}
			else {
				all.add(String.valueOf(value));
			}
		}
		return all;
	}

	private static String shown(Object value) {
		String text = String.valueOf(value);
		return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 1) + "…";
	}

}
