"""multiprocessing in lesson time, and traced.

Timeouts: a SemLock's acquire (multiprocessing's Lock, RLock, Semaphore, Condition, Event, and a Queue's
put and get) and connection.wait (Connection.poll, Process.join, a Queue's get) wait in lesson time when
the listing gave the timeout.
Traced: a process's life (STARTING and SPAWN in its parent, with its pid and its parent's; START and
EXIT, id "<pid>.exit", in itself; JOIN and JOINED in whoever joins it), the listing's Queue and Pipe
(PUT, PUT_DONE, GET, GOT: the item travels tagged with its PUT_DONE's id, which the receiver's GOT names
as its cause), and each call through a manager's proxy (REQUEST, then REPLY caused by it).
"""
import os
import threading

from _threadlab import channel
from _threadlab import frames
from _threadlab.tags import Tagged, rebuild_named
from _threadlab.tracer import described, shown
from _threadlab.futures import call_text


def install_synchronize(sync, clock):
    make = sync.SemLock._make_methods

    def _make_methods(self):
        make(self)
        acquire = self.acquire

        def timed_acquire(block=True, timeout=None):
            if block and timeout is not None and timeout > 0 and frames.lesson_timeout(2):
                return clock.waiting(timeout, lambda t: acquire(True, t))
            return acquire(block, timeout)

        self.acquire = timed_acquire

    sync.SemLock._make_methods = _make_methods


def install_connection(connection, clock, T):
    real_wait, Pipe, Base = connection.wait, connection.Pipe, connection._ConnectionBase
    send, recv, reduce = Base.send, Base.recv, connection.reduce_connection
    Base._tl = None

    def wait(object_list, timeout=None):
        if timeout is None or timeout <= 0 or not frames.lesson_timeout(2):
            return real_wait(object_list, timeout)
        key, due = clock.start(timeout)
        try:
            while True:
                left = due - clock.lesson()
                if left <= 0:
                    return []
                ready = real_wait(object_list, left / clock.speed)
                if ready:
                    return ready
        finally:
            clock.end(key)

    def traced_pipe(duplex=True):
        ends = Pipe(duplex)
        if T.on and frames.from_listing():
            for index, end in enumerate(ends):
                end._tl = frames.name("pipe", index=index)
                T.event("CREATE", end._tl, {"type": "pipe", "size": 0})
        return ends

    def traced_send(self, obj):
        name = self._tl
        if name is None or not T.on:
            return send(self, obj)
        done = T.new_id()
        T.event("PUT", name, shown(obj))
        send(self, Tagged(done, obj))
        T.event("PUT_DONE", name, id=done)

    def traced_recv(self):
        name = self._tl
        if name is not None and T.on:
            T.event("GET", name)
        obj = recv(self)
        cause = None
        if type(obj) is Tagged:
            cause, obj = obj.id, obj.obj
        if name is not None and T.on:
            T.event("GOT", name, shown(obj), cause)
        return obj

    def traced_reduce(conn):
        rebuilt = reduce(conn)
        return rebuilt if conn._tl is None else (rebuild_named, (conn._tl,) + tuple(rebuilt))

    connection.wait = wait
    connection.Pipe = traced_pipe
    Base.send = traced_send
    Base.recv = traced_recv
    from multiprocessing import reduction
    reduction.register(connection.Connection, traced_reduce)


def install_process(process, T):
    Base = process.BaseProcess
    start, bootstrap, join = Base.start, Base._bootstrap, Base.join
    clock = T.channel.clock

    def traced_start(self):
        if not T.on:
            return start(self)
        actor = channel.actor_name(self.name, "MainThread")
        t = clock.lesson()
        method = self._start_method or _default_method()
        self._tl_starting = T.event("STARTING", None, {"method": method}, actor=actor, t=t)
        start(self)
        # dated when it was asked for: the child may say START before this line is written
        T.event("SPAWN", None, {"type": "process", "name": self.name, "pid": self.pid, "ppid": os.getpid(),
                                "parent": channel.who(), "daemon": self.daemon},
                self._tl_starting, actor=actor, t=t)

    def traced_bootstrap(self, *args, **kwargs):
        if T.on:
            T.event("START", None, {"pid": os.getpid(), "ppid": os.getppid()}, self.__dict__.get("_tl_starting"),
                    actor=channel.actor_name(self.name, threading.current_thread().name))
        code = bootstrap(self, *args, **kwargs)
        exiting(code)
        return code

    def traced_join(self, timeout=None):
        traced = T.on and self._popen is not None and self._parent_pid == os.getpid() and frames.from_listing()
        if traced:
            T.event("JOIN", self.name, timeout)
        join(self, timeout)
        if traced:
            code = self.exitcode
            T.event("JOINED", self.name, "timed out" if code is None else "exit code %d" % code,
                    None if code is None else T.exit_id(self.pid))

    Base.start = traced_start
    Base._bootstrap = traced_bootstrap
    Base.join = traced_join


def _default_method():
    from multiprocessing import context
    try:
        return context._default_context.get_start_method()
    except Exception:
        return None


exiting = None  # set by the runner: ends a process's trace and its unfinished lines


def install_queues(queues, T):
    Queue, Joinable = queues.Queue, queues.JoinableQueue
    init, get, getstate, setstate = Queue.__init__, Queue.get, Queue.__getstate__, Queue.__setstate__
    Queue._tl = None
    mark = "__threadlab__"

    def depth(queue):
        try:
            return queue.qsize()
        except (NotImplementedError, OSError):
            return None

    def __init__(self, maxsize=0, *, ctx):
        init(self, maxsize, ctx=ctx)
        if T.on and frames.from_listing(via=(("queues.py", "__init__"),)):
            self._tl = frames.name("queue")
            T.event("CREATE", self._tl, {"type": "process-queue", "size": maxsize})

    def putting(put):
        def traced_put(self, obj, block=True, timeout=None):
            name = self._tl
            if name is None or not T.on:
                return put(self, obj, block, timeout)
            done = T.new_id()
            T.event("PUT", name, shown(obj))
            try:
                put(self, Tagged(done, obj), block, timeout)
            except queues.Full:
                T.event("PUT_DONE", name, "full")
                raise
            T.event("PUT_DONE", name, depth(self), id=done)
        return traced_put

    def traced_get(self, block=True, timeout=None):
        name = self._tl
        if name is not None and T.on:
            T.event("GET", name, timeout)
        try:
            obj = get(self, block, timeout)
        except queues.Empty:
            if name is not None and T.on:
                T.event("GOT", name, "empty")
            raise
        cause = None
        if type(obj) is Tagged:
            cause, obj = obj.id, obj.obj
        if name is not None and T.on:
            T.event("GOT", name, shown(obj), cause, depth=depth(self))
        return obj

    def __getstate__(self):
        state = getstate(self)
        return state if self._tl is None else (mark, self._tl, state)

    def __setstate__(self, state):
        if len(state) == 3 and state[0] == mark:
            self._tl, state = state[1], state[2]
        setstate(self, state)

    Queue.__init__ = __init__
    Queue.put = putting(Queue.put)
    Joinable.put = putting(Joinable.put)
    Queue.get = traced_get
    Queue.__getstate__ = __getstate__
    Queue.__setstate__ = __setstate__


def install_managers(managers, T):
    Proxy = managers.BaseProxy
    init, callmethod, reduce = Proxy.__init__, Proxy._callmethod, Proxy.__reduce__
    Proxy._tl = None

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        if T.on and frames.caller() is not None:
            self._tl = frames.name("proxy")
            T.event("CREATE", self._tl, {"type": "proxy " + str(self._token.typeid), "size": 0})

    def traced_callmethod(self, methodname, args=(), kwds={}):
        name = self._tl
        if name is None or not T.on or methodname.startswith("#"):
            return callmethod(self, methodname, args, kwds)
        request = T.event("REQUEST", name, call_text(_Named(methodname), args, kwds))
        try:
            value = callmethod(self, methodname, args, kwds)
        except BaseException as error:
            T.event("REPLY", name, "raised " + described(error), request)
            raise
        T.event("REPLY", name, shown(value), request)
        return value

    def __reduce__(self):
        rebuilt = reduce(self)
        return rebuilt if self._tl is None else (rebuild_named, (self._tl,) + tuple(rebuilt))

    Proxy.__init__ = __init__
    Proxy._callmethod = traced_callmethod
    Proxy.__reduce__ = __reduce__


class _Named:
    def __init__(self, name):
        self.__name__ = name


def install_fork(T):
    """os.fork called by the listing: SPAWN in the parent, START in the child (a process of its own)."""
    fork = os.fork
    clock = T.channel.clock

    def traced_fork():
        if not T.on or not frames.from_listing():
            return fork()
        t = clock.lesson()
        spawn = T.new_id()
        parent, ppid = channel.who(), os.getpid()
        pid = fork()
        if pid == 0:
            T.event("START", None, {"pid": os.getpid(), "ppid": ppid}, spawn)
        else:
            T.event("SPAWN", None, {"type": "process", "name": "fork", "pid": pid, "ppid": ppid,
                                    "parent": parent, "daemon": False}, id=spawn, t=t)
        return pid

    os.fork = traced_fork


def install_pool(pool, T):
    """A process pool's apply_async: CREATE and SUBMIT where the listing calls it, RUNNING and DONE in
    the worker (see tags.Task), and for whoever gets the result WAIT, WOKEN, then RESULT or EXCEPTION
    caused by the DONE."""
    from _threadlab.tags import Task
    Pool, Result = pool.Pool, pool.ApplyResult
    apply_async, set_, get = Pool.apply_async, Result._set, Result.get
    Result._tl = None

    def traced_apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        if not T.on or not frames.from_listing():
            return apply_async(self, func, args, kwds, callback, error_callback)
        name = frames.name("result")
        T.event("CREATE", name, {"type": "async-result", "size": 0})
        submit = T.event("SUBMIT", name, call_text(func, args, kwds))
        result = apply_async(self, Task(func, name, submit), args, kwds, callback, error_callback)
        result._tl, result._tl_done = name, None
        return result

    def traced_set(self, i, obj):
        success, value = obj
        if type(value) is Tagged:
            self._tl_done, obj = value.id, (success, value.obj)
        return set_(self, i, obj)

    def traced_get(self, timeout=None):
        name = self._tl
        if name is None or not T.on:
            return get(self, timeout)
        waits = not self.ready()
        if waits:
            T.event("WAIT", name, timeout)
        try:
            value = get(self, timeout)
        except pool.TimeoutError:
            T.event("WOKEN", name, "timed out")
            raise
        except BaseException as error:
            if waits:
                T.event("WOKEN", name, None, self._tl_done)
            T.event("EXCEPTION", name, described(error), self._tl_done)
            raise
        if waits:
            T.event("WOKEN", name, None, self._tl_done)
        T.event("RESULT", name, shown(value), self._tl_done)
        return value

    Pool.apply_async = traced_apply_async
    Result._set = traced_set
    Result.get = traced_get
