"""The lesson clock, one for every process of the program.

Lesson time is kept as ThreadLab's RunClock keeps it: from "since" (real, CLOCK_MONOTONIC) on it is
"lesson" there, then runs `speed` times faster until the last pending timer is due, then at the rate of
real time. A timer (a sleep, or a timed wait of the listing) counts until it is due, not until its
thread wakes, so a late wake-up on a loaded machine adds real time only; a timed wait that ends early
(it was notified) is taken off at once.

The state lives in a small file mapped by every process: the top process creates it (and unlinks it at
once, so nothing is left behind) and names it in THREADLAB_CLOCK for the processes it starts, which map
it too (os.fork children inherit the mapping). CLOCK_MONOTONIC is the same for all processes on Linux,
so one state gives one clock. Writers (a timer starting or ending) take a thread lock, then a POSIX
record lock on the file (per process, released by the kernel if the process dies). Readers take no lock:
the state is published under a sequence number (odd while a writer changes it), so reading the clock
never blocks, not even at interpreter shutdown, when a daemon thread may have been stopped holding a lock.
"""
import _thread
import fcntl
import mmap
import os
import struct
import sys
import tempfile

_SEQ = struct.Struct("<Q")        # at 0: odd while a writer changes the state
_STATE = struct.Struct("<ddd")    # at 8: since (real monotonic), lesson, last due
_BASE = struct.Struct("<dddQ")    # wall clock, perf counter and monotonic at lesson 0; slots used
_SLOT = struct.Struct("<dq")      # a pending timer: due (lesson seconds), owner pid (0: free)
_STATE_AT = _SEQ.size
_BASE_AT = _STATE_AT + _STATE.size
_SLOTS_AT = 64
_SIZE = 4096
_SLOTS = (_SIZE - _SLOTS_AT) // _SLOT.size
_NONE = float("-inf")
ENV = "THREADLAB_CLOCK"


class LessonClock:
    """Shared lesson time. Thread-safe; readers never block."""

    def __init__(self, speed, real_monotonic, real_time, real_perf):
        self.speed = speed
        self._real = real_monotonic
        self._lock = _thread.allocate_lock()
        self.pid = os.getpid()
        path = os.environ.get(ENV)
        self._fd = None
        if path:
            try:
                self._fd = os.open(path, os.O_RDWR)
            except OSError:
                self._fd = None  # its creator is gone: this process keeps a clock of its own
        self.top = self._fd is None
        if self.top:
            self._fd, name = self._create()
            os.environ[ENV] = name
        self._mm = mmap.mmap(self._fd, _SIZE)
        if self.top:
            now = real_monotonic()
            _BASE.pack_into(self._mm, _BASE_AT, real_time(), real_perf(), now, 0)
            _STATE.pack_into(self._mm, _STATE_AT, now, 0.0, _NONE)
        self.wall0, self.perf0, self.mono0, _ = _BASE.unpack_from(self._mm, _BASE_AT)
        os.register_at_fork(after_in_child=self._after_fork)

    @staticmethod
    def _create():
        fd, name = tempfile.mkstemp(prefix="threadlab-clock-")
        os.ftruncate(fd, _SIZE)
        proc = "/proc/%d/fd/%d" % (os.getpid(), fd)
        if os.path.exists(proc):
            os.unlink(name)  # reachable through /proc while this process lives; never left behind
            return fd, proc
        import atexit
        atexit.register(lambda: os.path.exists(name) and os.unlink(name))
        return fd, name

    def _after_fork(self):
        self._lock = _thread.allocate_lock()
        self.pid = os.getpid()

    # reading

    def _state(self):
        mm = self._mm
        for _ in range(1000):
            seq = _SEQ.unpack_from(mm, 0)[0]
            state = _STATE.unpack_from(mm, _STATE_AT)
            if not seq & 1 and _SEQ.unpack_from(mm, 0)[0] == seq:
                return state
        # a writer died half-way (killed while changing it): what it wrote is all there is
        return _STATE.unpack_from(mm, _STATE_AT)

    def _at(self, now, since, lesson, last_due):
        elapsed = now - since
        if elapsed < 0:
            elapsed = 0.0
        if last_due <= lesson:
            return lesson + elapsed
        until_due = (last_due - lesson) / self.speed
        if elapsed <= until_due:
            return lesson + self.speed * elapsed
        return last_due + (elapsed - until_due)

    def lesson(self):
        """Lesson seconds since the program started."""
        since, lesson, last_due = self._state()
        return self._at(self._real(), since, lesson, last_due)

    def pending(self):
        """Whether a timer of any process is still running."""
        since, lesson, last_due = self._state()
        return last_due > self._at(self._real(), since, lesson, last_due)

    # writing

    def _enter(self):
        # at shutdown a daemon thread may have been stopped holding the thread lock: never wait for ever
        if not self._lock.acquire(True, 1.0 if sys.is_finalizing() else -1):
            return False
        fcntl.lockf(self._fd, fcntl.LOCK_EX)
        return True

    def _exit(self, locked):
        fcntl.lockf(self._fd, fcntl.LOCK_UN)
        if locked:
            self._lock.release()

    def _change(self, add=None, remove=None):
        """Moves "since" to now; drops timers that are due, or whose process is gone; adds or removes one."""
        mm = self._mm
        locked = self._enter()
        try:
            seq = _SEQ.unpack_from(mm, 0)[0] | 1
            since, lesson, last_due = _STATE.unpack_from(mm, _STATE_AT)
            now = self._real()
            lesson = self._at(now, since, lesson, last_due)
            used = _BASE.unpack_from(mm, _BASE_AT)[3]
            slot = None
            if remove is not None:
                at = _SLOTS_AT + remove[0] * _SLOT.size
                if _SLOT.unpack_from(mm, at) == (remove[1], self.pid):
                    _SLOT.pack_into(mm, at, 0.0, 0)
            last_due = _NONE
            free = None
            for i in range(used):
                at = _SLOTS_AT + i * _SLOT.size
                due, pid = _SLOT.unpack_from(mm, at)
                if pid and (due <= lesson or (pid != self.pid and not _alive(pid))):
                    _SLOT.pack_into(mm, at, 0.0, 0)
                    pid = 0
                if not pid:
                    if free is None:
                        free = i
                elif due > last_due:
                    last_due = due
            if add is not None:
                due = lesson + add
                if free is None and used < _SLOTS:
                    free = used
                    _BASE.pack_into(mm, _BASE_AT, self.wall0, self.perf0, self.mono0, used + 1)
                if free is not None:
                    _SLOT.pack_into(mm, _SLOTS_AT + free * _SLOT.size, due, self.pid)
                    slot = (free, due)
                if due > last_due:
                    last_due = due  # with no free slot it still counts, until it is due
            _SEQ.pack_into(mm, 0, seq)  # odd: being changed (still odd if a writer before died half-way)
            _STATE.pack_into(mm, _STATE_AT, now, lesson, last_due)
            _SEQ.pack_into(mm, 0, seq + 1)
            return slot, lesson
        finally:
            self._exit(locked)

    def start(self, seconds):
        """Starts a timer of `seconds` lesson seconds; returns (its key, when it is due)."""
        slot, lesson = self._change(add=float(seconds))
        return slot, lesson + float(seconds)

    def end(self, key):
        """Ends a timer: when it ended early, lesson time goes back to the real rate (if no other runs)."""
        self._change(remove=key)

    def sleep(self, seconds, real_sleep):
        """time.sleep in lesson time: lasts seconds / speed, and is a timer until it is due."""
        key, due = self.start(seconds)
        try:
            while True:
                left = due - self.lesson()
                if left <= 0:
                    break
                real_sleep(left / self.speed)
        finally:
            self.end(key)

    def waiting(self, seconds, wait):
        """Calls wait(real seconds) for a timed wait of `seconds` lesson seconds, a timer while it runs."""
        key, _ = self.start(seconds)
        try:
            return wait(seconds / self.speed)
        finally:
            self.end(key)


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
