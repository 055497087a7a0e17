package org.threadlab.childjvm;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;
import org.threadlab.run.RunRemotes;

/**
 * One process writing its events on a pipe, as the parent's reader of that pipe knows it: its actors (by
 * its own ids, mapped to the run's), those that ended, and what it tells the parent alone — its timers
 * and busy spells, which the run's clock takes in (CLOCK lines), and what its pause gate holds (GATE
 * lines), which goes to the run's gate through its {@link RunRemotes.Attached} handle.
 * <p>
 * Thread-safety: confined to the pipe's reader thread, after it is made by the thread starting the
 * process (which starts the reader after).
 */
final class PipeWriter {

	final long pid;

	final Map<Integer, Actor> actors = new LinkedHashMap<>();

	final Set<Actor> ended = new HashSet<>();

	/** Those that said they wait for ever (WAITS), until their next event. */
	final Set<Actor> waiting = new HashSet<>();

	/** How the run reaches the process: its commands, and the pause gate its reports go to. */
	final RunRemotes.Attached attached;

	/** Its timers running, by their ids there, with their ids in the run's clock. */
	private final Map<String, Long> timers = new HashMap<>();

	/** Whether the run's clock counts the process busy: from its start, until it says it is idle. */
	private boolean busy = true;

	/** A writer of a process that the run's clock counts busy from now on: it is starting. */
	PipeWriter(Run run, long pid, Actor main, RunRemotes.Attached attached) {
		this.pid = pid;
		this.attached = attached;
		actors.put(0, main);
		RunClock clock = run.clock();
		clock.busy(clock.realNow(), 1, -1, -1);
	}

	/** What the process's pause gate reports: a thread held at a step, a hold let go, a step at rest. */
	void gate(Event e) {
		Actor who = actors.get(e.actor());
		if (who == null) {
			return;
		}
		String[] report = String.valueOf(e.value()).split(" ");
		switch (report[0]) {
			case "held" -> attached.held(Long.parseLong(report[1]), who, EventKind.valueOf(report[2]), e.object(), e.line());
			case "gone" -> attached.gone(Long.parseLong(report[1]));
			case "settled" -> attached.settled(who);
			default -> {
				// not a report of this version
			}
		}
	}

	/** What the process told the run's clock: a timer started or ended, or it became busy or idle. */
	void clock(RunClock clock, Event e) {
		long told = ((Number) e.value()).longValue();
		if (e.object().equals("busy")) {
			if (busy != (told != 0)) {
				busy = told != 0;
				clock.busy(e.timeNs(), busy ? 1 : -1, -1, -1);
			}
			return;
		}
		if (told > 0) {
			Actor owner = actors.get(e.actor());
			timers.put(e.object(), clock.timerDue(e.timeNs(), told, owner == null ? -1 : owner.id()));
		}
		else {
			Long id = timers.remove(e.object());
			if (id != null) {
				clock.timerEnded(e.timeNs(), id);
			}
		}
	}

	/** The process has ended: its timers end with it, it is busy no longer, and its gate is gone. */
	void ended(RunClock clock) {
		actors.values().forEach(attached::settled);
		attached.detach();
		long now = clock.realNow();
		timers.values().forEach(id -> clock.timerEnded(now, id));
		timers.clear();
		if (busy) {
			busy = false;
			clock.busy(now, -1, -1, -1);
		}
	}

}
