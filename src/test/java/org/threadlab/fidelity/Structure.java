package org.threadlab.fidelity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import org.threadlab.event.EventKind;
import org.threadlab.fidelity.Steps.Step;

/**
 * What a run's recorded steps say of its structure, in words both sides share, each a fact a lesson can be
 * about: who took a lock in turn and how many held it at once, who joined whom, who woke whom, how deep a
 * queue got, how many threads or processes of a role started, which worker ran which task, what crossed
 * from which process to which, and where each thread still waited at the end. Pure functions of the steps.
 */
final class Structure {

	private Structure() {
	}

	/**
	 * A fact: what it says (for the report), read from one run's steps; a racy one is compared as the set
	 * of what all runs of a side show, not run by run.
	 */
	record Fact(String says, boolean racy, Function<Steps, Object> read) {

		Fact racing() {
			return new Fact(says, true, read);
		}

	}

	/** Who took the lock (or semaphore), in turn. */
	static Fact takers(String lock) {
		return new Fact("who took " + lock + ", in turn", false, s -> s.all().stream()
			.filter(e -> e.kind() == EventKind.ACQUIRED && lock.equals(e.object()) && !"not acquired".equals(e.value()))
			.map(Step::actor)
			.toList());
	}

	/** Who took the lock first. */
	static Fact firstTaker(String lock) {
		return new Fact("who took " + lock + " first", false, s -> {
			List<?> all = (List<?>) takers(lock).read().apply(s);
			return all.isEmpty() ? "nobody" : all.get(0);
		});
	}

	/** How many times it was held at once, at most: a semaphore's permits in use (an RLock's owner counts each hold). */
	static Fact mostHeld(String lock) {
		return new Fact("how many held " + lock + " at once, at most", false, s -> {
			int held = 0;
			int most = 0;
			for (Step e : s.all()) {
				if (!lock.equals(e.object())) {
					continue;
				}
				if (e.kind() == EventKind.ACQUIRED && !"not acquired".equals(e.value())) {
					most = Math.max(most, ++held);
				}
				else if (e.kind() == EventKind.RELEASE) {
					held = Math.max(0, held - 1);
				}
			}
			return most;
		});
	}

	/** Who joined whom (a thread, a process, a queue), in the order the joins ended. */
	static Fact joins() {
		return new Fact("who joined whom", false, s -> s.all().stream()
			.filter(e -> e.kind() == EventKind.JOINED)
			.map(e -> e.actor() + " joined " + e.object())
			.toList());
	}

	/** Who woke whom on a condition, in turn. */
	static Fact wakes(String condition) {
		return new Fact("who woke whom on " + condition + ", in turn", false, s -> s.all().stream()
			.filter(e -> e.kind() == EventKind.WOKEN && condition.equals(e.object()) && s.cause(e) != null)
			.map(e -> s.cause(e).actor() + " woke " + e.actor())
			.toList());
	}

	/** How many each notify woke, in turn (0: a notify that was lost). */
	static Fact notified(String condition) {
		return new Fact("how many each notify on " + condition + " woke, in turn", false, s -> s.all().stream()
			.filter(e -> e.kind() == EventKind.NOTIFY && condition.equals(e.object()))
			.map(e -> String.valueOf(e.value()))
			.toList());
	}

	/** The queue's largest depth. */
	static Fact deepest(String queue) {
		return new Fact("the largest depth of " + queue, false, s -> s.all().stream()
			.filter(e -> e.kind() == EventKind.PUT_DONE && queue.equals(e.object()) && e.value() instanceof Number)
			.mapToInt(e -> ((Number) e.value()).intValue())
			.max()
			.orElse(0));
	}

	/**
	 * How many threads or processes of each role started besides the program's own first one (roles: names
	 * without their numbers), of the roles {@code role} keeps.
	 */
	static Fact started(String type, Predicate<String> role) {
		return new Fact("how many " + (type.equals("PROCESS") ? "processes" : "threads") + " of each role started", false,
				s -> {
					Map<String, Integer> counts = new TreeMap<>();
					s.all().stream()
						.filter(e -> e.kind() == EventKind.SPAWN)
						.skip(1)
						.filter(e -> type.equals(e.type()) && role.test(roleOf(String.valueOf(e.value()))))
						.forEach(e -> counts.merge(roleOf(String.valueOf(e.value())), 1, Integer::sum));
					return counts;
				});
	}

	/**
	 * How many processes the run had, the program's own too: for a lesson where ThreadLab draws the program's
	 * process as a process of its own (a fork: its first actor is the launcher, the shell that ran it).
	 */
	static Fact processes() {
		return new Fact("how many processes there were", false,
				s -> s.all().stream().filter(e -> e.kind() == EventKind.SPAWN && "PROCESS".equals(e.type())).count());
	}

	/** Which role of worker ran each task (the call its SUBMIT says), as a set: which worker of a role is the pool's race. */
	static Fact served() {
		return new Fact("which worker ran each task", false, s -> {
			Set<String> served = new TreeSet<>();
			for (Step e : s.all()) {
				Step submit = e.kind() == EventKind.RUNNING ? s.cause(e) : null;
				if (submit != null && submit.kind() == EventKind.SUBMIT) {
					served.add(submit.value() + " in " + roleOf(e.actor()));
				}
			}
			return served;
		});
	}

	/**
	 * How many tasks each worker ran, as sorted counts ([1, 1, 1]: each task on a worker of its own). Which
	 * idle worker takes a task from the work queue is the workers' race, in CPython as in ThreadLab.
	 */
	static Fact tasksPerWorker() {
		return new Fact("how many tasks each worker ran", false, s -> {
			Map<String, Integer> ran = new TreeMap<>();
			for (Step e : s.all()) {
				Step submit = e.kind() == EventKind.RUNNING ? s.cause(e) : null;
				if (submit != null && submit.kind() == EventKind.SUBMIT) {
					ran.merge(e.actor(), 1, Integer::sum);
				}
			}
			return ran.values().stream().sorted().toList();
		});
	}

	/** What each GOT on one of the {@code objects} took, and from whose PUT to whom: "item: from → to". */
	static Fact crossed(Set<String> objects) {
		return new Fact("what crossed " + String.join(" or ", objects) + ", from whom to whom", false, s -> {
			List<String> crossed = new ArrayList<>();
			for (Step e : s.all()) {
				Step put = e.kind() == EventKind.GOT && objects.contains(e.object()) ? s.cause(e) : null;
				if (put != null) {
					crossed.add(e.value() + ": " + put.actor() + " → " + e.actor());
				}
			}
			return crossed;
		});
	}

	/** Who got items from the queue, as a set. */
	static Fact getters(String queue) {
		return new Fact("who got items from " + queue, false, s -> {
			Set<String> who = new TreeSet<>();
			s.all().stream().filter(e -> e.kind() == EventKind.GOT && queue.equals(e.object())).forEach(e -> who.add(e.actor()));
			return who;
		});
	}

	/**
	 * The calls each process made through a manager's proxy, as CPython traces them: the listing's own
	 * (ThreadLab's connecting and creating calls aside); by role when which worker calls is the pool's race.
	 */
	static Fact requests(String proxy, boolean byRole) {
		return new Fact("who called what through " + proxy, false, s -> {
			Set<String> calls = new TreeSet<>();
			s.all().stream().filter(e -> e.kind() == EventKind.REQUEST && proxy.equals(e.object())).forEach(e -> {
				String call = String.valueOf(e.value());
				call = call.startsWith(proxy + ".") ? call.substring(proxy.length() + 1) : call;
				if (!call.startsWith("accept_connection(") && !call.startsWith("create(")) {
					calls.add((byRole ? roleOf(e.actor()) : e.actor()) + ": " + call);
				}
			});
			return calls;
		});
	}

	/** How many calls each process made through a manager's proxy. */
	static Fact requestCounts(String proxy) {
		return new Fact("how many calls each process made through " + proxy, false, s -> {
			Map<String, Integer> counts = new TreeMap<>();
			s.all().stream()
				.filter(e -> e.kind() == EventKind.REQUEST && proxy.equals(e.object()))
				.filter(e -> !String.valueOf(e.value()).contains("accept_connection(") && !String.valueOf(e.value()).startsWith("create("))
				.forEach(e -> counts.merge(e.actor(), 1, Integer::sum));
			return counts;
		});
	}

	/** Where each thread still waited when the run ended: "A waits to ACQUIRE b". */
	static Fact stuck(Predicate<String> who) {
		return new Fact("who still waited for what at the end", false, s -> {
			Map<String, String> waiting = new TreeMap<>();
			for (Step e : s.all()) {
				if (e.kind() == EventKind.DEADLOCK || e.kind() == EventKind.HANG) {
					break; // what ThreadLab's watchdog found; it frees the threads afterwards
				}
				if (!who.test(e.actor())) {
					continue;
				}
				switch (e.kind()) {
					case ACQUIRE, WAIT, JOIN, GET, PUT, REQUEST -> waiting.put(e.actor(), e.kind() + " " + e.object());
					case ACQUIRED, WOKEN, JOINED, GOT, PUT_DONE, REPLY, EXIT -> waiting.remove(e.actor());
					default -> {
					}
				}
			}
			return waiting;
		});
	}

	/** The threads a process's end cut off, as a set. */
	static Fact cutOff() {
		return new Fact("which threads were cut off with their process", false, s -> {
			Set<String> cut = new TreeSet<>();
			s.all().stream().filter(e -> e.kind() == EventKind.EXIT && "cut off".equals(e.value())).forEach(e -> cut.add(e.actor()));
			return cut;
		});
	}

	/** Whether a futures's cancel worked, in turn. */
	static Fact cancels() {
		return new Fact("whether each cancel() worked, in turn", false, s -> s.all().stream()
			.filter(e -> e.kind() == EventKind.CANCEL)
			.map(e -> String.valueOf(e.value()).toLowerCase())
			.toList());
	}

	/** A thread's role: "get_html" for "Thread-7 (get_html)", "ThreadPoolExecutor-0" for "ThreadPoolExecutor-0_3", "Spider" for "Spider-12". */
	static String roleOf(String name) {
		java.util.regex.Matcher target = java.util.regex.Pattern.compile("^Thread-\\d+ \\((.+)\\)$").matcher(name);
		if (target.matches()) {
			return target.group(1);
		}
		java.util.regex.Matcher pool = java.util.regex.Pattern.compile("^(.*)_\\d+$").matcher(name);
		if (pool.matches()) {
			return pool.group(1);
		}
		return name.replaceAll("[-_ ]?\\d+$", "");
	}

	/** Every fact's value for one run, in the order given, for the report and the comparison. */
	static Map<String, Object> read(List<Fact> facts, Steps steps) {
		Map<String, Object> values = new LinkedHashMap<>();
		facts.forEach(f -> values.put(f.says(), f.read().apply(steps)));
		return values;
	}

}
