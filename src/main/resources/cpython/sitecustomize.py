"""ThreadLab's runner for a scenario's listing under real CPython (3.10 to 3.13, standard library only).

Python imports this module by itself at start when its folder is on PYTHONPATH, in every process the
program starts too, so the listing runs as written: nothing in it is edited. Without THREADLAB_SPEED in
the environment it does nothing. The runner itself is the package _threadlab beside this file.

THREADLAB_SPEED  the speed of time. time.sleep(s) really lasts s / speed, and so does a timeout of s
                 seconds the listing gives a timed call (Queue.get, Thread.join, Condition.wait,
                 Event.wait, Lock.acquire, a future's result, as_completed, wait, AsyncResult.get,
                 Process.join, a process Queue's get, Connection.poll, ...). time.time(), perf_counter()
                 and monotonic() (and their _ns) read lesson time, which runs speed times faster while
                 a sleep or such a timeout of any process of the program is under way, and at the real
                 rate otherwise (ThreadLab's clock does the same): one clock for all the program's
                 processes (see _threadlab/clock.py), so its own timings read as they would at speed 1.
THREADLAB_STAMP  if set, each line a thread writes to sys.stdout or sys.stderr goes to the real stdout as
                 "\\x1e<o|e>\\t<lesson seconds>\\t<thread>\\t<text>": when, by whom and on which stream.
                 The thread is named as threading names it, after its process's name when that is not
                 the program's own ("Process-1/MainThread"). At each process's exit:
                 "\\x1ex\\t<lesson seconds>\\t\\texit". Each line is one write, so lines never interleave.
THREADLAB_TRACE  with THREADLAB_STAMP: each step of threading, queue, concurrent.futures and
                 multiprocessing the listing takes is a line too, "\\x1ev\\t<lesson seconds>\\t<thread>\\t
                 <json>", in ThreadLab's event vocabulary (see _threadlab/tracer.py for the fields).
                 THREADLAB_TRACE_MAX caps the events of one process (default 20000; then a "\\x1ec" line).
THREADLAB_LIFELINE  1: standard input is a pipe the server holds open and never writes; when it ends (the
                 server is gone, however it died) the program's process group is killed at once. The
                 listing reads an empty standard input (see _threadlab/lifeline.py).
THREADLAB_HANG   seconds: when for that long no sleep or timeout is under way, no child process lives
                 and the process has used no CPU, each of its threads waits for something no one will
                 do. The runner writes where each thread waits ("\\x1eh\\t<t>\\t<thread>\\t<line of the
                 listing>"), then "\\x1ex\\t<t>\\t\\thang", and ends the process with exit code 70.
"""
import os

if os.environ.get("THREADLAB_SPEED"):
    from _threadlab import runner

    runner.install(float(os.environ["THREADLAB_SPEED"]))
