package org.threadlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.event.Recorder;

import tools.jackson.databind.JsonNode;

/** A recorded run, read the way a lesson is told: who did what, in which order, when. Immutable. */
public final class Trace {

	private final List<Event> events;

	/** The first actor of each name (a manager names a thread after the process it serves: both are kept). */
	private final Map<String, ActorInfo> actors = new java.util.LinkedHashMap<>();

	private final List<ActorInfo> all = new ArrayList<>();

	public Trace(List<Event> events) {
		this.events = List.copyOf(events);
		for (Event e : events) {
			if (e.kind() == EventKind.SPAWN && e.value() instanceof ActorInfo info) {
				actors.putIfAbsent(info.name(), info);
				all.add(info);
			}
		}
	}

	public static Trace of(Recorder recorder) {
		List<Event> events = new ArrayList<>();
		recorder.read(0, Integer.MAX_VALUE, events);
		return new Trace(events);
	}

	/** From the JSON events of the run socket. */
	public static Trace fromJson(List<JsonNode> nodes) {
		List<Event> events = new ArrayList<>();
		for (JsonNode n : nodes) {
			EventKind kind = EventKind.valueOf(n.get("kind").asString());
			JsonNode v = n.get("value");
			Object value;
			if (kind == EventKind.SPAWN) {
				value = new ActorInfo(v.get("id").asInt(), v.get("name").asString(),
						ActorInfo.Type.valueOf(v.get("type").asString()), v.get("pid").asLong(), v.get("parent").asInt(),
						v.get("daemon").asBoolean());
			}
			else if (v == null || v.isNull()) {
				value = null;
			}
			else if (v.isNumber()) {
				value = v.numberValue();
			}
			else if (v.isString()) {
				value = v.asString();
			}
			else {
				value = v;
			}
			JsonNode object = n.get("object");
			events.add(new Event(n.get("seq").asLong(), n.get("timeNs").asLong(), n.get("actor").asInt(), kind,
					object == null || object.isNull() ? null : object.asString(), value, n.get("line").asInt(),
					n.get("cause").asLong()));
		}
		return new Trace(events);
	}

	public List<Event> events() {
		return events;
	}

	public ActorInfo actor(String name) {
		ActorInfo info = actors.get(name);
		assertThat(info).as("actor %s in %s", name, actors.keySet()).isNotNull();
		return info;
	}

	public Map<String, ActorInfo> actors() {
		return actors;
	}

	/** The thread named {@code name} of the process {@code process} (a thread of a manager's server, say). */
	public ActorInfo actorIn(String process, String name) {
		long pid = pidOf(process);
		return all.stream()
			.filter(a -> a.name().equals(name) && a.pid() == pid && a.type() == ActorInfo.Type.THREAD)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no thread " + name + " in " + process + " among " + all));
	}

	/** The real pid of a process: what its own first step (START) says. */
	public long pidOf(String process) {
		return ((Number) first(process, EventKind.START).value()).longValue();
	}

	/** The events of one actor, by its id. */
	public List<Event> of(ActorInfo actor) {
		return events.stream().filter(e -> e.actor() == actor.id()).toList();
	}

	public List<Event> of(String actorName) {
		int id = actor(actorName).id();
		return events.stream().filter(e -> e.actor() == id).toList();
	}

	public List<EventKind> kindsOf(String actorName) {
		return of(actorName).stream().map(Event::kind).toList();
	}

	/** The actor's kinds of steps, without the GIL's hand-overs: the story its code tells. */
	public List<EventKind> storyOf(String actorName) {
		return kindsOf(actorName).stream().filter(k -> !k.name().startsWith("GIL_")).toList();
	}

	public Event first(String actorName, EventKind kind) {
		return first(actorName, kind, e -> true);
	}

	public Event first(String actorName, EventKind kind, Predicate<Event> also) {
		return of(actorName).stream()
			.filter(e -> e.kind() == kind && also.test(e))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " of " + actorName + " in " + kindsOf(actorName)));
	}

	public Event bySeq(long seq) {
		return events.stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
	}

	public List<String> printsOf(String actorName) {
		return of(actorName).stream().filter(e -> e.kind() == EventKind.PRINT).map(e -> (String) e.value()).toList();
	}

	public List<String> allPrints() {
		return events.stream().filter(e -> e.kind() == EventKind.PRINT).map(e -> (String) e.value()).toList();
	}

	public Event end() {
		return events.stream().filter(e -> e.kind() == EventKind.END).reduce((a, b) -> b).orElseThrow();
	}

}
