"""threading's timed waits in lesson time, and its objects traced when the listing makes them.

Timeouts: Condition.wait is where Event.wait, Semaphore.acquire, Barrier.wait, queue.Queue and
concurrent.futures wait; Thread.join and the listing's own locks wait by themselves. threading measures
its deadlines with _time, which reads lesson time here, so a deadline and the scaled waits toward it agree.
Traced: the listing's Lock and RLock (a wrapper, and a subclass of the C RLock, so Condition finds the
methods it looks for), Condition, Semaphore, BoundedSemaphore, Event, and every Thread's life.
"""
import _thread
import collections
import itertools
import os
import threading

from _threadlab import channel
from _threadlab import frames
from _threadlab.tracer import described

_raw_lock = _thread.allocate_lock
_raw_rlock = threading.RLock
_make_lock = _raw_lock
_make_rlock = _raw_rlock


# threading.Lock and threading.RLock from now on: module functions, so a manager's registry that holds
# them can still be pickled for a spawned manager process
def Lock(*args, **kwargs):
    return _make_lock(*args, **kwargs)


def RLock(*args, **kwargs):
    return _make_rlock(*args, **kwargs)


def install(clock, tracer, lesson_monotonic):
    T = tracer
    threading._time = lesson_monotonic

    def timed(timeout, wait):
        """Runs wait(timeout), in lesson time when the listing gave the timeout."""
        if timeout is not None and timeout > 0 and frames.lesson_timeout(3):
            return clock.waiting(timeout, wait)
        return wait(timeout)

    class TracedLock:
        """threading.Lock as the listing makes it: the real lock inside, its steps traced."""

        __slots__ = ("_lock", "name", "_released", "__weakref__")

        def __init__(self, name):
            self._lock = _raw_lock()
            self.name = name
            self._released = None
            T.event("CREATE", name, {"type": "lock", "size": 1})

        def acquire(self, blocking=True, timeout=-1):
            lock = self._lock
            if not blocking or timeout is None or timeout <= 0:
                if not T.on:
                    return lock.acquire(blocking, timeout)
                T.event("ACQUIRE", self.name)
                got = lock.acquire(blocking, timeout)
            else:
                T.event("ACQUIRE", self.name, timeout)
                got = timed(timeout, lambda t: lock.acquire(True, t))
            T.event("ACQUIRED", self.name, None if got else "not acquired", self._released if got else None)
            return got

        def __enter__(self):
            return self.acquire() if T.on else self._lock.acquire()

        def release(self):
            if T.on and self._lock.locked():
                # before the real release, so the next ACQUIRED always comes after it
                self._released = T.event("RELEASE", self.name)
            self._lock.release()

        def __exit__(self, *exc):
            if T.on:
                self.release()
            else:
                self._lock.release()

        def locked(self):
            return self._lock.locked()

        def _is_owned(self):
            return self._lock.locked()  # what Condition asks of a lock without an owner

        def _release_save(self):
            self.release()

        def _acquire_restore(self, state):
            self.acquire()

        def _at_fork_reinit(self):
            self._lock._at_fork_reinit()

        def __repr__(self):
            return repr(self._lock)

    class TracedRLock(_thread.RLock):
        """threading.RLock as the listing makes it: the C RLock, its steps traced with the hold count."""

        def __init__(self, name):
            super().__init__()
            self.name = name
            self._count = 0
            self._released = None
            T.event("CREATE", name, {"type": "rlock", "size": 1})

        def acquire(self, blocking=True, timeout=-1):
            T.event("ACQUIRE", self.name, self._count if self._is_owned() else 0)
            if blocking and timeout is not None and timeout > 0:
                got = timed(timeout, lambda t: super(TracedRLock, self).acquire(True, t))
            else:
                got = super().acquire(blocking, timeout)
            if got:
                self._count += 1
            T.event("ACQUIRED", self.name, self._count if got else "not acquired", self._released if got else None)
            return got

        __enter__ = acquire

        def release(self):
            if self._is_owned():
                self._count -= 1
                self._released = T.event("RELEASE", self.name, self._count)
            super().release()

        def __exit__(self, *exc):
            self.release()

        def _release_save(self):
            count, self._count = self._count, 0
            self._released = T.event("RELEASE", self.name, 0)
            return super()._release_save(), count

        def _acquire_restore(self, state):
            T.event("ACQUIRE", self.name, 0)
            super()._acquire_restore(state[0])
            self._count = state[1]
            T.event("ACQUIRED", self.name, self._count, self._released)

    # Without a trace, the listing's locks are the real ones (a lock taken a million times costs what it
    # costs in CPython) unless the listing calls acquire() with arguments: then a timeout needs the wrapper.
    def make_lock(*args, **kwargs):
        if (T.on or frames.timed_acquire()) and frames.from_listing():
            return TracedLock(frames.name("lock"))
        return _raw_lock(*args, **kwargs)

    def make_rlock(*args, **kwargs):
        if (T.on or frames.timed_acquire()) and frames.from_listing():
            return TracedRLock(frames.name("rlock"))
        return _raw_rlock(*args, **kwargs)

    global _make_lock, _make_rlock
    _make_lock, _make_rlock = make_lock, make_rlock

    threading.Lock = Lock
    threading.RLock = RLock
    _patch_condition(threading.Condition, clock, T, timed, TracedRLock)
    _patch_semaphores(T)
    _patch_event(threading.Event, T)
    _patch_thread(threading.Thread, T, timed)


class _Waiters(collections.deque):
    """A traced Condition's waiters, knowing whose each is (a waiter appends its own lock)."""

    def __init__(self):
        super().__init__()
        self.of = {}

    def append(self, waiter):
        self.of[_thread.get_ident()] = waiter
        super().append(waiter)


def _patch_condition(Condition, clock, T, timed, TracedRLock):
    init, wait, notify = Condition.__init__, Condition.wait, Condition.notify
    Condition._tl = None

    def __init__(self, lock=None):
        name = None
        if T.on and frames.from_listing():
            name = frames.name("condition")
            if lock is None:
                lock = TracedRLock(name)
        init(self, lock)
        if name is not None:
            self._tl = name
            self._waiters = _Waiters()
            self._tl_notified = {}
            T.event("CREATE", name, {"type": "condition", "size": 0})

    def traced_wait(self, timeout=None):
        name = self._tl
        if name is None or not T.on:
            return timed(timeout, lambda t: wait(self, t))
        if not self._is_owned():
            return wait(self, timeout)  # raises as Python does
        T.event("WAIT", name, timeout)
        try:
            woken = timed(timeout, lambda t: wait(self, t))
        finally:
            waiter = self._waiters.of.pop(_thread.get_ident(), None)
            cause = self._tl_notified.pop(waiter, None)
        T.event("WOKEN", name, None if woken else "timed out", cause)
        return woken

    def waking(self, n, kind):
        if self._tl is not None and T.on and self._is_owned():
            woken = list(itertools.islice(self._waiters, n))
            id = T.event(kind, self._tl, len(woken))
            for waiter in woken:
                self._tl_notified[waiter] = id

    def traced_notify(self, n=1):
        waking(self, n, "NOTIFY")
        return notify(self, n)

    def traced_notify_all(self):
        waking(self, len(self._waiters), "NOTIFY_ALL")
        return notify(self, len(self._waiters))

    Condition.__init__ = __init__
    Condition.wait = traced_wait
    Condition.notify = traced_notify
    Condition.notify_all = traced_notify_all


def _patch_semaphores(T):
    Semaphore, Bounded = threading.Semaphore, threading.BoundedSemaphore
    init, acquire = Semaphore.__init__, Semaphore.acquire
    Semaphore._tl = None

    def __init__(self, value=1):
        init(self, value)
        if T.on and frames.from_listing(via=(("threading.py", "__init__"),)):
            self._tl = frames.name("semaphore")
            self._tl_released = None
            T.event("CREATE", self._tl, {"type": "semaphore", "size": value})

    def traced_acquire(self, blocking=True, timeout=None):
        name = self._tl
        if name is None or not T.on:
            return acquire(self, blocking, timeout)
        T.event("ACQUIRE", name, self._value if timeout is None else timeout)
        got = acquire(self, blocking, timeout)
        T.event("ACQUIRED", name, self._value if got else "not acquired", self._tl_released if got else None)
        return got

    def releasing(release, bounded):
        def traced_release(self, n=1):
            name = self._tl
            if name is not None and T.on and n >= 1 and not (bounded and self._value + n > self._initial_value):
                # before the real release, so the ACQUIRED it lets through comes after it
                self._tl_released = T.event("RELEASE", name, self._value + n)
            return release(self, n)
        return traced_release

    Semaphore.__init__ = __init__
    Semaphore.acquire = Semaphore.__enter__ = traced_acquire
    Semaphore.release = releasing(Semaphore.release, False)
    Bounded.release = releasing(Bounded.release, True)


def _patch_event(Event, T):
    init, set_, wait = Event.__init__, Event.set, Event.wait
    Event._tl = None

    def __init__(self):
        init(self)
        if T.on and frames.from_listing():
            self._tl = frames.name("event")
            self._tl_set = None
            T.event("CREATE", self._tl, {"type": "event", "size": 0})

    def traced_set(self):
        if self._tl is not None and T.on:
            self._tl_set = T.event("NOTIFY_ALL", self._tl, len(self._cond._waiters))
        return set_(self)

    def traced_wait(self, timeout=None):
        if self._tl is None or not T.on:
            return wait(self, timeout)
        T.event("WAIT", self._tl, timeout)
        flag = wait(self, timeout)
        T.event("WOKEN", self._tl, None if flag else "timed out", self._tl_set if flag else None)
        return flag

    Event.__init__ = __init__
    Event.set = traced_set
    Event.wait = traced_wait


def _patch_thread(Thread, T, timed):
    start, join = Thread.start, Thread.join

    def traced_start(self):
        if T.on and not self._started.is_set():
            spawn = T.event("SPAWN", None, {"type": "thread", "name": self.name, "pid": os.getpid(),
                                            "parent": channel.who(), "daemon": self.daemon},
                            actor=channel.actor_name(channel.process_name(), self.name))
            run = self.run

            def traced_run():
                T.event("START", None, None, spawn)
                try:
                    run()
                except BaseException as error:
                    self._tl_exit = T.event("EXIT", None, "raised " + described(error))
                    raise
                else:
                    self._tl_exit = T.event("EXIT")
                finally:
                    self.__dict__.pop("run", None)

            self.run = traced_run
        return start(self)

    def traced_join(self, timeout=None):
        traced = (T.on and self._started.is_set() and self is not threading.current_thread()
                  and frames.from_listing())
        if traced:
            T.event("JOIN", self.name, timeout)
        timed(timeout, lambda t: join(self, t))
        if traced:
            alive = self.is_alive()
            T.event("JOINED", self.name, "timed out" if alive else None,
                    None if alive else self.__dict__.get("_tl_exit"))

    Thread.start = traced_start
    Thread.join = traced_join
