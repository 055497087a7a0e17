package org.threadlab.cpython;

import org.threadlab.event.EventKind;

/**
 * One step of a listing running under real CPython, traced by the runner in ThreadLab's vocabulary
 * ({@code "\u001ev\t<t>\t<actor>\t<json>"}, see resources/cpython/_threadlab/tracer.py). Immutable.
 *
 * @param t lesson seconds since the program started, on the one clock of all its processes
 * @param actor the thread, after its process's name unless that is the program's own
 * @param id the event's id, unique over the program's processes ("4711.12"; a process's EXIT is "4711.exit")
 * @param pid the process it happened in
 * @param kind what happened
 * @param object the lock's, queue's, thread's, process's or future's name, or null
 * @param value a small value: a String, Long, Double, Boolean, a {@code Map<String, Object>} (a SPAWN's
 *        type, name, pid, ppid, parent and daemon), or null
 * @param line the listing's line (from 1), or 0 outside the listing
 * @param cause the id of the event that made this one possible (the RELEASE that let an ACQUIRED
 *        through, the NOTIFY that ended a WAIT, the PUT_DONE that fed a GOT, the SUBMIT that became a
 *        RUNNING, the EXIT that ended a JOIN), or null; it may name an event of a process killed before
 *        it was written
 * @param depth a queue's depth after a PUT_DONE or GOT, or null
 */
public record PythonEvent(double t, String actor, String id, long pid, EventKind kind, String object, Object value,
		int line, String cause, Integer depth) implements TraceLine {
}
