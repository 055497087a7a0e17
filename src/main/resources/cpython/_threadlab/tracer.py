"""Trace events in ThreadLab's vocabulary, one stamped line each on the channel.

"\\x1ev\\t<lesson seconds>\\t<actor>\\t<json>": the JSON object holds "id" (this event's id,
"<pid>.<n>", unique over the program's processes), "p" (the pid of the process it happened in), "k"
(the EventKind's name), "l" (the listing's line, 0 outside it), and, when they apply, "o" (the object:
a lock's, queue's, thread's or future's name), "v" (a value: a repr, a count, a timeout, an outcome),
"c" (the id of the event that caused this one: the RELEASE that let an ACQUIRED through, the NOTIFY
that ended a WAIT, the PUT_DONE that fed a GOT, the SUBMIT that became a RUNNING, the EXIT that ended a
JOIN) and "d" (a queue's depth after the step). A process's EXIT has the id "<pid>.exit", so its
parent's JOINED names it without hearing from it. Each process writes at most THREADLAB_TRACE_MAX
events (default 20000); then one "\\x1ec\\t<t>\\t<actor>\\t<events written>" line says the trace was cut.
"""
import itertools
import json
import os

from _threadlab import channel as _channel
from _threadlab import frames

REPR_MAX = 200


def shown(value):
    """A value as Python shows it, cut to a length a timeline can show."""
    try:
        text = repr(value)
    except Exception:
        text = "<%s>" % type(value).__name__
    return text if len(text) <= REPR_MAX else text[:REPR_MAX - 1] + "…"


def described(error):
    """An exception as a traceback's last line says it."""
    text = str(error)
    return type(error).__name__ + (": " + text if text else "")


class Tracer:
    """Writes trace events; safe from any thread; never blocks on a lock."""

    def __init__(self, channel, on, budget):
        self.channel = channel
        self.on = self._enabled = on
        self._budget = budget
        self._after_fork()
        os.register_at_fork(after_in_child=self._after_fork)

    def _after_fork(self):
        self.on = self._enabled  # each process has a budget of its own
        self.pid = os.getpid()
        self._ids = itertools.count(1)
        self._left = itertools.count(self._budget, -1)

    def new_id(self):
        return "%d.%d" % (self.pid, next(self._ids))

    def exit_id(self, pid=None):
        return "%d.exit" % (pid or self.pid)

    def event(self, kind, obj=None, value=None, cause=None, actor=None, line=None, id=None, depth=None, t=None):
        """Writes one event and returns its id; None when tracing is off or its budget spent."""
        if not self.on:
            return None
        if next(self._left) <= 0:
            self.on = False  # from now on the traced objects take their fast paths
            self.channel.line("c", _channel.who(), str(self._budget))
            return None
        if id is None:
            id = self.new_id()
        payload = {"id": id, "p": self.pid, "k": kind, "l": frames.line(2) if line is None else line}
        if obj is not None:
            payload["o"] = obj
        if value is not None:
            payload["v"] = value
        if cause is not None:
            payload["c"] = cause
        if depth is not None:
            payload["d"] = depth
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=shown)
        if len(text) > 3500:
            payload["v"] = shown(value)[:1000]
            text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=shown)
        self.channel.line("v", _channel.who() if actor is None else actor, text, t)
        return id
