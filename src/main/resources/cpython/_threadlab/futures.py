"""concurrent.futures traced: a future the listing submits gets CREATE and SUBMIT (value: the call) in
the submitting thread, RUNNING (cause: its SUBMIT) where the pool takes it, DONE (value: the result or
what was raised; cause: its RUNNING), CANCEL (value: whether it was cancelled), and, for whoever asks for
its result, WAIT and WOKEN while it is not done, then RESULT or EXCEPTION (cause: its DONE). Its
timeouts, as_completed's and wait's are Condition.wait's, in lesson time already (see threads.py)."""
import threading

from _threadlab import frames
from _threadlab.tracer import described, shown

_submitting = threading.local()


def call_text(fn, args, kwargs):
    parts = [shown(a) for a in args] + ["%s=%s" % (k, shown(v)) for k, v in kwargs.items()]
    return "%s(%s)" % (getattr(fn, "__name__", shown(fn)), ", ".join(parts))


def install_base(base, tracer):
    T = tracer
    Future = base.Future
    init, running, set_result, set_exception = (Future.__init__, Future.set_running_or_notify_cancel,
                                                Future.set_result, Future.set_exception)
    cancel, result = Future.cancel, Future.result
    Future._tl = None

    def __init__(self):
        init(self)
        call = getattr(_submitting, "call", None)
        if call is not None:
            _submitting.call = None
            self._tl = call[0]
            self._tl_running = self._tl_done = None
            T.event("CREATE", call[0], {"type": "future", "size": 0})
            self._tl_submit = T.event("SUBMIT", call[0], call[1])

    def traced_running(self):
        started = running(self)
        if started and self._tl is not None:
            self._tl_running = T.event("RUNNING", self._tl, None, self._tl_submit)
        return started

    def traced_set_result(self, value):
        if self._tl is not None:
            self._tl_done = T.event("DONE", self._tl, shown(value), self._tl_running)
        return set_result(self, value)

    def traced_set_exception(self, error):
        if self._tl is not None:
            self._tl_done = T.event("DONE", self._tl, "raised " + described(error), self._tl_running)
        return set_exception(self, error)

    def traced_cancel(self):
        cancelled = cancel(self)
        if self._tl is not None:
            T.event("CANCEL", self._tl, cancelled)
        return cancelled

    def traced_result(self, timeout=None):
        name = self._tl
        if name is None or not T.on:
            return result(self, timeout)
        waits = not self.done()
        if waits:
            T.event("WAIT", name, timeout)
        try:
            value = result(self, timeout)
        except base.TimeoutError:
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

    Future.__init__ = __init__
    Future.set_running_or_notify_cancel = traced_running
    Future.set_result = traced_set_result
    Future.set_exception = traced_set_exception
    Future.cancel = traced_cancel
    Future.result = traced_result


def install_executor(executor_class, tracer):
    """Names the future a submit makes after the listing's variable, and says what it calls."""
    T = tracer
    submit = executor_class.submit

    def traced_submit(self, fn, /, *args, **kwargs):
        if not T.on:
            return submit(self, fn, *args, **kwargs)
        if frames.from_listing():
            name = frames.name("future")
        else:  # map's submits: one line makes them all
            name = frames.numbered("future")
        _submitting.call = (name, call_text(fn, args, kwargs))
        try:
            return submit(self, fn, *args, **kwargs)
        finally:
            _submitting.call = None

    executor_class.submit = traced_submit

