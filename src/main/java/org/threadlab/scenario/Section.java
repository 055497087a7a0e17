package org.threadlab.scenario;

import java.util.List;

/**
 * The tutorial's sections, in its order, each with the scenarios planned for it (DESIGN.md's catalog).
 * A planned scenario that has no class yet is listed as coming.
 */
public enum Section {

	GIL("GIL", List.of("gil-race")),
	THREADS("2", List.of("thread-target", "thread-subclass")),
	COMMUNICATION("3", List.of("shared-list", "queue")),
	SYNCHRONIZATION("4", List.of("lock-counter", "rlock", "deadlock", "condition-poem", "semaphore")),
	THREAD_POOLS("5", List.of("future-basics", "as-completed", "executor-map", "wait-first", "pool-internals")),
	PROCESSES("6", List.of("cpu-bound", "io-bound", "fork", "process", "pool-apply", "imap", "process-queue",
			"manager-queue", "pipe", "manager-dict"));

	private final String number;

	private final List<String> planned;

	Section(String number, List<String> planned) {
		this.number = number;
		this.planned = planned;
	}

	/** The section's number in the tutorial ("GIL" for its unnumbered opening). */
	public String number() {
		return number;
	}

	public List<String> planned() {
		return planned;
	}

	/**
	 * The section that plans a scenario.
	 * @throws IllegalArgumentException if none does: a new lesson is planned in its section first
	 */
	public static Section planning(String id) {
		for (Section section : values()) {
			if (section.planned.contains(id)) {
				return section;
			}
		}
		throw new IllegalArgumentException("no section plans a scenario '" + id + "': add it to its section's list in Section");
	}

	/** The key of the section's title in the messages. */
	public String titleKey() {
		return "section." + name().toLowerCase().replace('_', '-');
	}

}
