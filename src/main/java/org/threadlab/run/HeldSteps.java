package org.threadlab.run;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.threadlab.event.EventKind;

/**
 * The steps a {@link PauseGate} holds, in the order they arrived: of the server's threads, which wait in
 * the gate, and of child processes' threads, which their own gates hold and report. Each is numbered by
 * the run ({@code hold}); a released one stays until its thread (or its process) lets it go, but is no
 * longer shown. Not thread-safe: the gate's lock guards it.
 */
final class HeldSteps {

	/** A hold: of a thread of this process ({@code remote} null), or one a child process reported. */
	static final class Entry {

		final PauseGate.Held held;

		final RunRemotes.Attached remote;

		final long remoteHold;

		boolean released;

		private Entry(PauseGate.Held held, RunRemotes.Attached remote, long remoteHold) {
			this.held = held;
			this.remote = remote;
			this.remoteHold = remoteHold;
		}

	}

	private final Map<Long, Entry> entries = new LinkedHashMap<>();

	private long holds;

	/** A thread of this process, held here. */
	Entry local(Actor actor, EventKind kind, String object, int line) {
		return add(actor, kind, object, line, null, 0);
	}

	/** A thread of a child process, held there as {@code remoteHold}. */
	Entry remote(RunRemotes.Attached from, long remoteHold, Actor actor, EventKind kind, String object, int line) {
		return add(actor, kind, object, line, from, remoteHold);
	}

	private Entry add(Actor actor, EventKind kind, String object, int line, RunRemotes.Attached from, long remoteHold) {
		Entry entry = new Entry(new PauseGate.Held(++holds, actor.id(), actor.name(), kind, object, line), from, remoteHold);
		entries.put(entry.held.hold(), entry);
		return entry;
	}

	void remove(Entry entry) {
		entries.remove(entry.held.hold());
	}

	/**
	 * Removes the holds {@code from} let go of: {@code remoteHold}, or with -1 all of them (the process
	 * ended); returns the actors whose holds went.
	 */
	List<Integer> removeRemote(RunRemotes.Attached from, long remoteHold) {
		List<Integer> actors = new ArrayList<>();
		for (Iterator<Entry> it = entries.values().iterator(); it.hasNext();) {
			Entry entry = it.next();
			if (entry.remote == from && (remoteHold < 0 || entry.remoteHold == remoteHold)) {
				it.remove();
				actors.add(entry.held.actor());
			}
		}
		return actors;
	}

	/** The hold longest held and not yet released, of actor {@code actorId} (negative: anyone's); or null. */
	Entry first(int actorId) {
		for (Entry entry : entries.values()) {
			if (!entry.released && (actorId < 0 || entry.held.actor() == actorId)) {
				return entry;
			}
		}
		return null;
	}

	/** The holds not yet released, in the order they arrived. */
	List<PauseGate.Held> shown() {
		List<PauseGate.Held> now = new ArrayList<>();
		for (Entry entry : entries.values()) {
			if (!entry.released) {
				now.add(entry.held);
			}
		}
		return List.copyOf(now);
	}

}
