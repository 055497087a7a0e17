"""The program dies with the server that runs it, whatever ends the server (SIGKILL included).

The server starts the program's own process with a pipe on its standard input that it holds open and
never writes (THREADLAB_LIFELINE=1 says so). The runner moves that pipe off fd 0 (the listing reads an
empty standard input, as a program started without a terminal does) and reads it from a thread of its
own. The read ends only when the pipe ends, and a pipe ends when its last writer is gone: when the
server closes it, or when the kernel does because the server died. Then this thread kills the program's
whole process group (the server started it in a session of its own): every process of the program ends
at once. A process os.fork made of a watching one watches too (the fd is inherited, the thread is not);
processes that multiprocessing spawns are in the same group.
"""
import _thread
import os
import signal

from _threadlab import channel

ENV = "THREADLAB_LIFELINE"


def watch():
    """In the program's own process, if the server asked for it: starts watching the pipe on fd 0."""
    if os.environ.pop(ENV, "") != "1":
        return
    try:
        fd = os.dup(0)  # not inherited by what the program executes; kept by what it forks
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
    except OSError:
        return  # no standard input to watch: nothing the server gave us
    # the group to end: the program's own, when the server started it as a group's leader (never the
    # server's group, when the server could not give the program one of its own)
    group = os.getpid() if os.getpgid(0) == os.getpid() else None
    _start(fd, group)
    os.register_at_fork(after_in_child=lambda: _start(fd, group))


def _start(fd, group):
    _thread.start_new_thread(_read, (fd, group))


def _read(fd, group):
    channel.runner_threads.add(_thread.get_ident())
    try:
        while os.read(fd, 512):
            pass  # the server never writes; whatever comes is not a reason to stop
    except OSError:
        pass  # the pipe broke: the server is gone as surely
    if group is not None:
        try:
            os.killpg(group, signal.SIGKILL)
        except OSError:
            pass
    os._exit(137)  # without a group of its own: this process at least
