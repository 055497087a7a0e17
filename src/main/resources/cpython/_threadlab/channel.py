"""The one channel every stamped line goes out on: the real stdout (fd 1), one os.write per line.

A line is "\\x1e<tag>\\t<lesson seconds>\\t<actor>\\t<text>\\n". One os.write of a line under PIPE_BUF
(4096 bytes) is atomic on a pipe, so the lines of several processes and threads never interleave, and
no lock is needed: nothing here can be left held by a daemon thread that interpreter shutdown stopped
half-way (the cause of the runs that never ended: the shutdown's flush of sys.stdout waited for such a
lock for ever). Trace events are gathered and written a few kilobytes at a time (before any other line,
when many wait, by a thread of the runner every 50 ms, and at the process's end): one write per event
would hand the GIL over at every step and change how the program's threads take turns.
"""
import _thread
import collections
import os
import sys

_PIPE_BUF = 4096
runner_threads = set()  # idents of the runner's own threads: never one of the program's


def actor_name(process, thread):
    """How the runner names who did something: the thread, after its process unless that is the first."""
    return thread if process in (None, "MainProcess") else process + "/" + thread


def process_name():
    """The name of this process as multiprocessing names it ("MainProcess" for the program's own)."""
    mp = sys.modules.get("multiprocessing.process")
    if mp is not None:
        try:
            return mp.current_process().name
        except Exception:
            pass
    return "MainProcess"


def who():
    """The calling thread's actor name, without registering it anywhere (current_thread() would)."""
    threading = sys.modules.get("threading")
    name = "MainThread"
    if threading is not None:
        thread = threading._active.get(_thread.get_ident())
        name = thread.name if thread is not None else "?"
    return actor_name(process_name(), name)


class Channel:
    """Writes stamped lines; safe from any thread of any process, never blocks on a lock."""

    def __init__(self, clock, real_sleep, fd=1):
        self.clock = clock
        self.fd = fd
        self._events = collections.deque()
        self._sleep = real_sleep
        self._flusher = None  # the pid whose flushing thread runs
        # what was gathered before a fork is the parent's: written before, never twice
        os.register_at_fork(before=self.flush, after_in_child=self._events.clear)

    def line(self, tag, actor, text, t=None):
        if t is None:
            t = self.clock.lesson()
        data = ("\x1e%s\t%.6f\t%s\t%s\n" % (tag, t, actor, text)).encode("utf-8", "backslashreplace")
        if tag != "v":
            self.flush(data)  # in the same write as the events before it: one system call, as without a trace
            return
        self._events.append(data)
        if self._flusher != os.getpid():
            self._flusher = os.getpid()
            _thread.start_new_thread(self._flushing, ())
        elif len(self._events) > 64:
            self.flush()

    def _flushing(self):
        runner_threads.add(_thread.get_ident())
        while True:
            self._sleep(0.05)
            self.flush()

    def flush(self, last=None):
        """Writes the events gathered so far, then `last` if given, in writes of whole lines under PIPE_BUF
        (a write releases the GIL: as few as there can be, so that a print lets other threads in no more
        often than without a trace)."""
        events = self._events
        chunk, size = [], 0
        while True:
            try:
                data = events.popleft()
            except IndexError:
                break
            if chunk and size + len(data) > _PIPE_BUF:
                self.write(b"".join(chunk))
                chunk, size = [], 0
            chunk.append(data)
            size += len(data)
        if last is not None:
            if chunk and size + len(last) > _PIPE_BUF:
                self.write(b"".join(chunk))
                chunk = []
            chunk.append(last)
        if chunk:
            self.write(b"".join(chunk))

    def write(self, data):
        try:
            while data:
                written = os.write(self.fd, data)
                data = data[written:]
        except OSError:
            pass  # nobody reads any more: the run is over


class Stamped:
    """A text stream whose every line goes out stamped; what it lacks it takes from the real one.

    Each thread's unfinished line is kept apart: print() writes its parts one by one, and this stream,
    written in Python, would otherwise let another thread's parts in between far more often than
    CPython's own stream does. Each thread touches only its own entry, so no lock is needed.
    """

    def __init__(self, real, tag, channel):
        self._real = real
        self._tag = tag
        self._channel = channel
        self._partial = {}

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not " + type(text).__name__)
        me = _thread.get_ident()
        pending = self._partial.pop(me, "") + text
        if "\n" in pending:
            lines = pending.split("\n")
            pending = lines.pop()
            actor = who()
            for line in lines:
                self._channel.line(self._tag, actor, line)
        if pending:
            self._partial[me] = pending
        return len(text)

    def flush(self):
        pass  # every whole line is out already; a partial one waits for its end

    def finish(self):
        """Writes out what no newline ended, at the process's end."""
        partial, self._partial = self._partial, {}
        for pending in partial.values():
            self._channel.line(self._tag, "", pending)

    def forget(self):
        """In a forked child: the parent's unfinished lines are the parent's to end."""
        self._partial = {}

    def __getattr__(self, name):
        return getattr(self._real, name)


def who_is(thread):
    """The actor name of another thread of this process."""
    return actor_name(process_name(), thread.name)
