package org.threadlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * The packages form layers: what {@code jdeps} (the JDK's own tool, run in this JVM) reads off the built
 * classes has no cycle between packages of ThreadLab. A cycle is reported with the classes that close it.
 */
class PackageLayersTest {

	private static final Pattern EDGE = Pattern.compile("^\\s+(org\\.threadlab\\S*)\\s+->\\s+(org\\.threadlab\\S*)\\s");

	@Test
	void noPackageDependsOnItselfThroughAnother() throws URISyntaxException {
		Map<String, Set<String>> uses = packageDependencies();
		assertThat(uses).as("jdeps saw ThreadLab's packages").containsKeys("org.threadlab.run", "org.threadlab.web");
		assertThat(cycles(uses)).as("package cycles (each a strongly connected group)").isEmpty();
	}

	private static Map<String, Set<String>> packageDependencies() throws URISyntaxException {
		Path classes = Path.of(ThreadLabApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
		StringWriter out = new StringWriter();
		int code = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package",
				"-filter:none", classes.toString());
		assertThat(code).as("jdeps' exit code; it printed:%n%s", out).isZero();
		Map<String, Set<String>> uses = new TreeMap<>();
		for (String line : out.toString().split("\\R")) {
			Matcher edge = EDGE.matcher(line);
			if (edge.find() && !edge.group(1).equals(edge.group(2))) {
				uses.computeIfAbsent(edge.group(1), k -> new TreeSet<>()).add(edge.group(2));
			}
		}
		return uses;
	}

	/** Tarjan's strongly connected components of more than one package. */
	static List<Set<String>> cycles(Map<String, Set<String>> uses) {
		Map<String, Integer> index = new HashMap<>();
		Map<String, Integer> low = new HashMap<>();
		Deque<String> stack = new ArrayDeque<>();
		List<Set<String>> found = new ArrayList<>();
		for (String start : uses.keySet()) {
			if (!index.containsKey(start)) {
				connect(start, uses, index, low, stack, found);
			}
		}
		return found;
	}

	private static void connect(String v, Map<String, Set<String>> uses, Map<String, Integer> index,
			Map<String, Integer> low, Deque<String> stack, List<Set<String>> found) {
		index.put(v, index.size());
		low.put(v, index.get(v));
		stack.push(v);
		for (String w : uses.getOrDefault(v, Set.of())) {
			if (!index.containsKey(w)) {
				connect(w, uses, index, low, stack, found);
				low.put(v, Math.min(low.get(v), low.get(w)));
			}
			else if (stack.contains(w)) {
				low.put(v, Math.min(low.get(v), index.get(w)));
			}
		}
		if (low.get(v).equals(index.get(v))) {
			Set<String> component = new TreeSet<>();
			String w;
			do {
				w = stack.pop();
				component.add(w);
			}
			while (!w.equals(v));
			if (component.size() > 1) {
				found.add(component);
			}
		}
	}

	@Test
	void aCycleIsSeen() {
		Map<String, Set<String>> uses = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
		assertThat(cycles(uses)).containsExactly(Set.of("a", "b", "c"));
	}

}
