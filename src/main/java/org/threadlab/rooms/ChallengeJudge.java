package org.threadlab.rooms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;

/**
 * Whether a run won its lesson's challenge, read from its recorded events as the page's challenges.js
 * reads them: {@code gil-race} a write over a value another thread wrote after this one read it (a lost
 * update), {@code deadlock} a deadlock the watchdog found, {@code condition-poem} a notify that woke no
 * one. The roster trusts the server's reading, not a page's word. Stateless.
 */
public final class ChallengeJudge {

	public static final Set<String> CHALLENGES = Set.of("gil-race", "deadlock", "condition-poem");

	private ChallengeJudge() {
	}

	public static boolean won(String scenario, List<Event> events) {
		return switch (scenario) {
			case "gil-race" -> lostUpdate(events);
			case "deadlock" -> events.stream().anyMatch(e -> e.kind() == EventKind.DEADLOCK);
			case "condition-poem" -> events.stream()
				.anyMatch(e -> (e.kind() == EventKind.NOTIFY || e.kind() == EventKind.NOTIFY_ALL)
						&& e.value() instanceof Number woke && woke.intValue() == 0);
			default -> false;
		};
	}

	private record Written(int count, int actor) {
	}

	private static boolean lostUpdate(List<Event> events) {
		Map<String, Written> writes = new HashMap<>();
		Map<String, Integer> reads = new HashMap<>(); // actor|object -> writes seen when it read
		for (Event e : events) {
			if (e.kind() != EventKind.READ && e.kind() != EventKind.WRITE) {
				continue;
			}
			String object = String.valueOf(e.object());
			Written w = writes.getOrDefault(object, new Written(0, -1));
			String key = e.actor() + "|" + object;
			if (e.kind() == EventKind.READ) {
				reads.put(key, w.count());
				continue;
			}
			Integer seen = reads.get(key);
			if (seen != null && w.count() > seen && w.actor() != e.actor()) {
				return true;
			}
			writes.put(object, new Written(w.count() + 1, e.actor()));
		}
		return false;
	}

}
