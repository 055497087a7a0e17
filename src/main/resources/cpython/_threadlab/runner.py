"""Installs the runner in this process: the lesson clock, the server's lifeline, the stamped streams, the
hang watch, and the patches of threading, queue, concurrent.futures and multiprocessing (those three when imported)."""
import atexit
import os
import sys
import time

from _threadlab import channel as _channel
from _threadlab import frames, imports, lifeline, mp
from _threadlab.clock import LessonClock
from _threadlab.tracer import Tracer

clock = None
tracer = None


def install(speed):
    global clock, tracer
    real_sleep, real_monotonic = time.sleep, time.monotonic
    clock = LessonClock(speed, real_monotonic, time.time, time.perf_counter)
    if clock.top:
        lifeline.watch()
    frames.setup()
    out = _channel.Channel(clock, real_sleep)
    stamping = bool(os.environ.get("THREADLAB_STAMP"))
    tracer = Tracer(out, stamping and bool(os.environ.get("THREADLAB_TRACE")),
                    int(os.environ.get("THREADLAB_TRACE_MAX") or 20000))
    _lesson_time(clock, tracer, real_sleep)
    streams = []
    if stamping:
        streams = [_channel.Stamped(sys.stdout, "o", out), _channel.Stamped(sys.stderr, "e", out)]
        sys.stdout, sys.stderr = streams
        os.register_at_fork(after_in_child=lambda: [stream.forget() for stream in streams])
    exited = []

    def exiting(code):
        """A process's end: its unfinished lines, then its EXIT (once)."""
        for stream in streams:
            stream.finish()
        if exited != [os.getpid()]:
            exited[:] = [os.getpid()]
            tracer.event("EXIT", None, "exit code %d" % code, id=tracer.exit_id(), line=0)
        out.flush()

    mp.exiting = exiting
    _patch(clock, tracer, time.monotonic)
    if not stamping:
        return

    def at_exit():
        threading = sys.modules.get("threading")
        if threading is not None and tracer.on:
            for thread in threading.enumerate():
                if thread.daemon and thread.is_alive():
                    tracer.event("EXIT", None, "cut off", actor=_channel.who_is(thread), line=0)
        exiting(0)
        if clock.top:  # the program's own process (or what os.fork made of it), not multiprocessing's helpers
            out.line("x", "", "exit")

    atexit.register(at_exit)
    if clock.top:
        tracer.event("SPAWN", None, {"type": "process", "name": "MainProcess", "pid": os.getpid(),
                                     "ppid": os.getppid(), "daemon": False}, line=0)
        tracer.event("START", None, {"pid": os.getpid(), "ppid": os.getppid()}, line=0)
    # only the program's own process watches for hangs: a child process that waits is not one
    hang = float(os.environ.pop("THREADLAB_HANG", "0") or 0)
    if hang > 0:
        from _threadlab import hang as watch
        watch.watch(hang, clock, out, real_sleep, real_monotonic)


def _lesson_time(clock, tracer, real_sleep):
    """time's clocks read lesson time in every process alike; time.sleep lasts seconds / speed."""

    def sleep(seconds):
        try:
            seconds = float(seconds)
        except (TypeError, ValueError):
            return real_sleep(seconds)  # raises what time.sleep raises
        if seconds <= 0 or seconds != seconds:
            return real_sleep(seconds)  # sleep(0) only lets other threads run; a negative one raises
        if not tracer.on:
            return clock.sleep(seconds, real_sleep)
        tracer.event("SLEEP", None, seconds)
        clock.sleep(seconds, real_sleep)
        tracer.event("WAKE")

    sleep.__doc__ = real_sleep.__doc__
    lesson = clock.lesson
    time.sleep = sleep
    time.time = lambda: clock.wall0 + lesson()
    time.time_ns = lambda: int((clock.wall0 + lesson()) * 1e9)
    time.perf_counter = lambda: clock.perf0 + lesson()
    time.perf_counter_ns = lambda: int((clock.perf0 + lesson()) * 1e9)
    time.monotonic = lambda: clock.mono0 + lesson()
    time.monotonic_ns = lambda: int((clock.mono0 + lesson()) * 1e9)


def _patch(clock, tracer, lesson_monotonic):
    from _threadlab import futures, queues, threads
    threads.install(clock, tracer, lesson_monotonic)
    imports.after_import("queue", lambda m: queues.install(tracer, lesson_monotonic))
    imports.after_import("concurrent.futures._base", lambda m: futures.install_base(m, tracer))
    imports.after_import("concurrent.futures.thread", lambda m: futures.install_executor(m.ThreadPoolExecutor, tracer))
    imports.after_import("concurrent.futures.process", lambda m: futures.install_executor(m.ProcessPoolExecutor, tracer))
    imports.after_import("multiprocessing.synchronize", lambda m: mp.install_synchronize(m, clock))
    imports.after_import("multiprocessing.connection", lambda m: mp.install_connection(m, clock, tracer))
    imports.after_import("multiprocessing.process", lambda m: mp.install_process(m, tracer))
    imports.after_import("multiprocessing.queues", lambda m: mp.install_queues(m, tracer))
    imports.after_import("multiprocessing.managers", lambda m: mp.install_managers(m, tracer))
    imports.after_import("multiprocessing.pool", lambda m: mp.install_pool(m, tracer))
    mp.install_fork(tracer)
