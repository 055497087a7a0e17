"""Reports a program whose threads all wait for ever, in the program's own process only."""
import _thread
import os
import sys
import time

from _threadlab import channel as channel_module


def watch(seconds, clock, channel, real_sleep, real_monotonic):
    """From a thread of its own: when for `seconds` no timer of any process runs, no child process lives
    and this process has used no CPU, each thread waits for something no one will do. Writes where each
    waits ("h" lines), then "x ... hang", and ends the process with exit code 70."""

    def busy():
        if clock.pending():
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
        for ident, frame in sys._current_frames().items():
            if ident in channel_module.runner_threads:
                continue
            line = 0
            while frame is not None:
                if listing and os.path.abspath(frame.f_code.co_filename) == listing:
                    line = frame.f_lineno
                    break
                frame = frame.f_back
            channel.line("h", names.get(ident, "?"), str(line))
        channel.line("x", "", "hang")

    def run():
        channel_module.runner_threads.add(_thread.get_ident())
        still_since = real_monotonic()
        cpu = time.process_time()
        while True:
            real_sleep(0.05)
            now = real_monotonic()
            used = time.process_time() - cpu
            cpu += used
            if busy() or used > 0.002:
                still_since = now
            elif now - still_since >= seconds:
                report()
                os._exit(70)

    _thread.start_new_thread(run, ())
