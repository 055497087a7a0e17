package org.threadlab.fidelity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.threadlab.cpython.PythonEvent;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.testing.Trace;

/**
 * One run's recorded steps in words both sides share, in time order: ThreadLab's events, or the trace
 * CPython's runner wrote. A thread is named as ThreadLab names it ("main" for the program's MainThread, a
 * child process by its name, a thread of a child by its own); an object without the underscores CPython's
 * internals put before it; each step knows the step that caused it. Immutable.
 */
final class Steps {

	/**
	 * One step.
	 * @param cause the index of the step that caused it in {@link #all()}, or -1
	 * @param type for a SPAWN, "THREAD" or "PROCESS"; else null
	 */
	record Step(double t, String actor, EventKind kind, String object, Object value, int cause, String type) {
	}

	private final List<Step> all;

	private Steps(List<Step> all) {
		this.all = List.copyOf(all);
	}

	List<Step> all() {
		return all;
	}

	/** The step that caused this one, or null. */
	Step cause(Step step) {
		return step.cause() >= 0 && step.cause() < all.size() ? all.get(step.cause()) : null;
	}

	/** An object's name as both sides agree on it: CPython's {@code _work_queue} is ThreadLab's {@code work_queue}. */
	static String object(String name) {
		return name == null ? null : name.replaceAll("^_+", "").replaceAll("\\.lock$", "");
	}

	/** ThreadLab's side, from a run's recorded events. */
	static Steps threadLab(Trace trace) {
		Map<Integer, String> names = new HashMap<>();
		Map<Long, Integer> indexOf = new HashMap<>();
		List<Event> events = new ArrayList<>(trace.events());
		events.sort(Comparator.comparingLong(Event::timeNs));
		for (int i = 0; i < events.size(); i++) {
			indexOf.put(events.get(i).seq(), i);
		}
		List<Step> steps = new ArrayList<>();
		for (Event e : events) {
			String type = null;
			if (e.kind() == EventKind.SPAWN && e.value() instanceof ActorInfo info) {
				names.put(info.id(), info.name());
				type = info.type().name();
			}
			steps.add(new Step(e.timeNs() / 1e9, names.getOrDefault(e.actor(), "?"), e.kind(), object(e.object()),
					e.kind() == EventKind.SPAWN ? names.get(((ActorInfo) e.value()).id()) : e.value(),
					e.cause() < 0 ? -1 : indexOf.getOrDefault(e.cause(), -1), type));
		}
		return new Steps(steps);
	}

	/** CPython's side, from the trace its runner wrote. */
	static Steps cpython(List<PythonEvent> trace) {
		List<PythonEvent> events = new ArrayList<>(trace);
		events.sort(Comparator.comparingDouble(PythonEvent::t));
		long top = events.stream().filter(e -> e.kind() == EventKind.SPAWN).findFirst().map(PythonEvent::pid).orElse(0L);
		Map<String, Integer> indexOf = new HashMap<>();
		for (int i = 0; i < events.size(); i++) {
			indexOf.put(events.get(i).id(), i);
		}
		List<Step> steps = new ArrayList<>();
		for (PythonEvent e : events) {
			String type = null;
			Object value = e.value();
			if (e.kind() == EventKind.SPAWN && value instanceof Map<?, ?> spawn) {
				type = "process".equals(spawn.get("type")) ? "PROCESS" : "THREAD";
				value = name(e.actor(), spawn.get("pid") instanceof Number pid ? pid.longValue() : e.pid(), top);
			}
			steps.add(new Step(e.t(), name(e.actor(), e.pid(), top), e.kind(), object(e.object()), value,
					e.cause() == null ? -1 : indexOf.getOrDefault(e.cause(), -1), type));
		}
		return new Steps(steps);
	}

	/** A CPython actor as ThreadLab names it: "main", a child process by its name, a thread of a child by its own. */
	static String name(String actor, long pid, long top) {
		int slash = actor.indexOf('/');
		if (slash > 0) {
			String thread = actor.substring(slash + 1);
			return thread.equals("MainThread") ? actor.substring(0, slash) : thread;
		}
		if (actor.equals("MainThread")) {
			return pid == top ? "main" : "fork";
		}
		return actor;
	}

}
