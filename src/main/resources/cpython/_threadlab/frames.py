"""Who called: the listing, or Python's own machinery. Reads the caller's frames; safe from any thread.

The listing is the program's file (THREADLAB_LISTING, set by the top process for the processes it
starts: a spawned child runs it as __mp_main__ from the same path). Python's library and this runner
are machinery. Objects are traced when the listing makes them, and a timeout is the lesson's (scaled by
the speed, a timer of the lesson clock) when the listing passed it to one of Python's timed calls;
Python's own timeouts (a manager's shutdown waits a second for its process) stay real.
"""
import linecache
import os
import re
import sys

ENV = "THREADLAB_LISTING"

_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
_STDLIB = os.path.dirname(os.__file__) + os.sep

# Python's calls that take a timeout from their caller: what the listing calls (the last frame of
# machinery before the listing's) when its timeout is the lesson's
TIMED = frozenset(("get", "put", "join", "wait", "wait_for", "acquire", "poll", "result", "exception",
                   "as_completed", "result_iterator", "next", "__next__", "recv"))
# machinery that runs what the listing handed it (a thread's target, a pool's task, a manager's call):
# a timed call made from there took its timeout from the listing too
_RELAYS = frozenset((("threading.py", "run"), ("process.py", "run"), ("thread.py", "run"),
                     ("pool.py", "worker"), ("managers.py", "serve_client"), ("process.py", "_process_worker")))

_ASSIGNED = re.compile(r"\s*(?:self\.)?([A-Za-z_]\w*(?:\s*,\s*(?:self\.)?[A-Za-z_]\w*)*)\s*=[^=]")

listing = None
_kinds = {}


def setup():
    global listing
    path = os.environ.get(ENV)
    if not path and sys.argv and sys.argv[0] and os.path.isfile(sys.argv[0]):
        path = os.path.abspath(sys.argv[0])
        os.environ[ENV] = path
    listing = path


def _machinery(filename):
    """0: the listing's; 1: Python's machinery; 2: this runner's (never the caller)."""
    kind = _kinds.get(filename)
    if kind is None:
        if filename.startswith(_HERE):
            kind = 2
        elif listing is not None:
            kind = 0 if filename == listing else 1
        else:
            kind = 1 if filename.startswith(_STDLIB) or filename.startswith("<frozen") else 0
        _kinds[filename] = kind
    return kind


def lesson_timeout(depth=2):
    """Whether the timeout of the timed call running `depth` frames up came from the listing."""
    frame = sys._getframe(depth)
    entry = None
    while frame is not None:
        code = frame.f_code
        kind = _machinery(code.co_filename)
        if kind == 0:
            return entry is None or entry in TIMED
        if kind == 1:
            if (os.path.basename(code.co_filename), code.co_name) in _RELAYS:
                return entry is None or entry in TIMED
            entry = code.co_name
        frame = frame.f_back
    return False


def caller(depth=2):
    """The listing's frame that called into the machinery running `depth` frames up, or None."""
    frame = sys._getframe(depth)
    while frame is not None:
        if _machinery(frame.f_code.co_filename) == 0:
            return frame
        frame = frame.f_back
    return None


def from_listing(depth=2, via=()):
    """Whether the machinery running `depth` frames up was called by the listing itself (through
    multiprocessing's context, which only forwards, or the (file, function) frames `via`)."""
    frame = sys._getframe(depth)
    while frame is not None:
        code = frame.f_code
        kind = _machinery(code.co_filename)
        if kind == 0:
            return True
        if kind == 1:
            where = os.path.basename(code.co_filename)
            if where != "context.py" and (where, code.co_name) not in via:
                return False
        frame = frame.f_back
    return False


def line(depth=2):
    """The listing's line the thread is at, or 0 when it is outside the listing."""
    frame = caller(depth + 1)
    return frame.f_lineno if frame is not None else 0


_counts = {}
_timed_acquire = None
_ACQUIRE_WITH_ARGUMENTS = re.compile(r"\.acquire\(\s*[^)\s]")


def timed_acquire():
    """Whether the listing calls acquire() with arguments anywhere (it may give a timeout)."""
    global _timed_acquire
    if _timed_acquire is None:
        try:
            with open(listing, encoding="utf-8") as source:
                _timed_acquire = bool(_ACQUIRE_WITH_ARGUMENTS.search(source.read()))
        except (OSError, TypeError, ValueError):
            _timed_acquire = True
    return _timed_acquire


def name(kind, depth=2, index=0):
    """A name for an object the listing makes: the variable its line assigns it to, else kind-n."""
    frame = caller(depth + 1)
    if frame is not None:
        text = linecache.getline(frame.f_code.co_filename, frame.f_lineno)
        found = _ASSIGNED.match(text)
        if found:
            names = [n.strip().replace("self.", "") for n in found.group(1).split(",")]
            if index < len(names):
                return names[index]
    return numbered(kind)


def numbered(kind):
    """kind-1, kind-2, ...: a name for what no line names."""
    count = _counts[kind] = _counts.get(kind, 0) + 1
    return "%s-%d" % (kind, count)
