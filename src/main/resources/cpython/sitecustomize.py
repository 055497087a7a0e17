"""ThreadLab's runner for a scenario's listing under real CPython.

Python imports this module by itself at start when its folder is on PYTHONPATH, in every process the
program starts too, so the listing runs as written: nothing in it is edited. Without THREADLAB_SPEED in
the environment it does nothing.

THREADLAB_SPEED  the speed of time. time.sleep(s) really lasts s / speed; time.time() and
                 time.perf_counter() read lesson time, which runs speed times faster while a sleep is
                 under way and at the real rate otherwise (ThreadLab's clock does the same), so the
                 program's own timings read as they would at speed 1. time.monotonic() stays real:
                 the threading module measures its timeouts with it.
THREADLAB_STAMP  if set, each line a thread writes to sys.stdout or sys.stderr goes to the real stdout as
                 "\\x1e<o|e>\\t<lesson seconds>\\t<thread>\\t<text>": when, by whom and on which stream.
                 At exit: "\\x1ex\\t<lesson seconds>\\t\\texit".
THREADLAB_HANG   seconds: when for that long no sleep is under way, no child process lives and the
                 process has used no CPU, each of its threads waits for something no one will do.
                 The runner writes where each thread waits ("\\x1eh\\t<t>\\t<thread>\\t<line of the
                 listing>"), then "\\x1ex\\t<t>\\t\\thang", and ends the process with exit code 70.
"""
import os
import sys


def _install(speed):
    import _thread
    import atexit
    import time

    real_sleep = time.sleep
    real_monotonic = time.monotonic
    clock_lock = _thread.allocate_lock()
    # Lesson time, as ThreadLab's RunClock keeps it: from "since" (real) on, "lesson" there, then the
    # speed until the last running sleep is due, then the rate of real time. A sleep counts until it is
    # due, not until its thread wakes: waking late on a loaded machine adds real time only.
    clock = {"since": real_monotonic(), "lesson": 0.0, "dues": {}, "next": 0}
    wall_start = time.time()
    perf_start = time.perf_counter()

    def lesson_at(now):
        elapsed = max(0.0, now - clock["since"])
        last_due = max(clock["dues"].values(), default=float("-inf"))
        if last_due <= clock["lesson"]:
            return clock["lesson"] + elapsed
        until_due = (last_due - clock["lesson"]) / speed
        if elapsed <= until_due:
            return clock["lesson"] + speed * elapsed
        return last_due + (elapsed - until_due)

    def change(now):
        clock["lesson"] = lesson_at(now)
        clock["since"] = now
        for key in [k for k, due in clock["dues"].items() if due <= clock["lesson"]]:
            del clock["dues"][key]

    def lesson():
        with clock_lock:
            return lesson_at(real_monotonic())

    def sleep(seconds):
        try:
            float(seconds)
        except (TypeError, ValueError):
            return real_sleep(seconds)  # raises what time.sleep raises
        if seconds < 0:
            return real_sleep(seconds)
        with clock_lock:
            change(real_monotonic())
            key = clock["next"] = clock["next"] + 1
            due = clock["dues"][key] = clock["lesson"] + seconds
        try:
            while True:
                with clock_lock:
                    left = due - lesson_at(real_monotonic())
                if left <= 0:
                    break
                real_sleep(left / speed)
        finally:
            with clock_lock:
                change(real_monotonic())
                clock["dues"].pop(key, None)

    sleep.__doc__ = real_sleep.__doc__
    time.sleep = sleep
    time.time = lambda: wall_start + lesson()
    time.time_ns = lambda: int((wall_start + lesson()) * 1e9)
    time.perf_counter = lambda: perf_start + lesson()
    time.perf_counter_ns = lambda: int((perf_start + lesson()) * 1e9)

    if os.environ.get("THREADLAB_STAMP"):
        out = sys.stdout
        write_lock = _thread.allocate_lock()

        def who():
            threading = sys.modules.get("threading")
            name = "MainThread"
            if threading is not None:
                try:
                    name = threading.current_thread().name
                except Exception:
                    name = "?"
            mp = sys.modules.get("multiprocessing")
            if mp is not None:
                try:
                    process = mp.current_process().name
                    if process != "MainProcess":
                        name = process + "/" + name
                except Exception:
                    pass
            return name

        def emit(tag, thread, text):
            out.write("\x1e%s\t%.6f\t%s\t%s\n" % (tag, lesson(), thread, text))
            out.flush()

        class Stamped:
            """A text stream whose every line goes out stamped; what it lacks it takes from the real one.

            Each thread's unfinished line is kept apart: print() writes its parts one by one, and this
            stream, written in Python, would otherwise let another thread's parts in between far more
            often than CPython's own buffered stream does.
            """

            def __init__(self, real, tag):
                self._real = real
                self._tag = tag
                self._partial = {}

            def write(self, text):
                if not isinstance(text, str):
                    raise TypeError("write() argument must be str, not " + type(text).__name__)
                me = _thread.get_ident()
                with write_lock:
                    pending = self._partial.pop(me, "") + text
                    while "\n" in pending:
                        line, pending = pending.split("\n", 1)
                        emit(self._tag, who(), line)
                    if pending:
                        self._partial[me] = pending
                return len(text)

            def flush(self):
                with write_lock:
                    out.flush()

            def finish(self):
                with write_lock:
                    for pending in self._partial.values():
                        emit(self._tag, "", pending)
                    self._partial.clear()

            def __getattr__(self, name):
                return getattr(self._real, name)

        stdout = Stamped(sys.stdout, "o")
        stderr = Stamped(sys.stderr, "e")
        sys.stdout = stdout
        sys.stderr = stderr

        def at_exit():
            stdout.finish()
            stderr.finish()
            with write_lock:
                emit("x", "", "exit")

        atexit.register(at_exit)

        # only the program's own process watches for hangs: a child process that waits is not one
        hang = float(os.environ.pop("THREADLAB_HANG", "0") or 0)
        if hang > 0:
            _watch_for_hangs(hang, clock, real_sleep, real_monotonic, lesson, write_lock, emit)


def _watch_for_hangs(hang, clock, real_sleep, real_monotonic, lesson, write_lock, emit):
    import _thread
    import time

    def busy():
        if clock["dues"]:
            return True
        mp = sys.modules.get("multiprocessing")
        if mp is not None:
            try:
                return bool(mp.active_children())
            except Exception:
                return True
        return False

    def report():
        listing = os.path.abspath(sys.argv[0]) if sys.argv and sys.argv[0] else None
        names = {}
        threading = sys.modules.get("threading")
        if threading is not None:
            for thread in threading.enumerate():
                names[thread.ident] = thread.name
        me = _thread.get_ident()
        write_lock.acquire(timeout=1)
        for ident, frame in sys._current_frames().items():
            if ident == me:
                continue
            line = 0
            while frame is not None:
                if listing and os.path.abspath(frame.f_code.co_filename) == listing:
                    line = frame.f_lineno
                    break
                frame = frame.f_back
            emit("h", names.get(ident, "?"), str(line))
        emit("x", "", "hang")

    def watch():
        still_since = real_monotonic()
        cpu = time.process_time()
        while True:
            real_sleep(0.05)
            now = real_monotonic()
            used = time.process_time() - cpu
            cpu += used
            if busy() or used > 0.002:
                still_since = now
            elif now - still_since >= hang:
                report()
                os._exit(70)

    _thread.start_new_thread(watch, ())


if os.environ.get("THREADLAB_SPEED"):
    _install(float(os.environ["THREADLAB_SPEED"]))
