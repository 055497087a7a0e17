"""What crosses between processes with a traced object: an item tagged with the id of the event that
sent it (so the receiver's GOT names it as its cause), and the names of queues, pipe ends and proxies.
Pickled by reference: every process of the program has this runner on its path."""


class Tagged:
    """An item on its way through a traced queue or pipe, with the id of its PUT_DONE."""

    __slots__ = ("id", "obj")

    def __init__(self, id, obj):
        self.id = id
        self.obj = obj

    def __reduce__(self):
        return Tagged, (self.id, self.obj)


def rebuild_named(name, rebuild, args):
    """Rebuilds a pipe end or a proxy in another process, with the name the listing gave it."""
    thing = rebuild(*args)
    try:
        thing._tl = name
    except (AttributeError, TypeError):
        pass  # a proxy unpickled in its manager's own process is the object itself
    return thing


class Task:
    """A function the listing handed a process pool (apply_async), run in a worker: RUNNING there
    (cause: its SUBMIT), then DONE; its result travels back tagged with the DONE's id."""

    __slots__ = ("fn", "name", "submit")

    def __init__(self, fn, name, submit):
        self.fn = fn
        self.name = name
        self.submit = submit

    def __reduce__(self):
        return Task, (self.fn, self.name, self.submit)

    def __call__(self, *args, **kwargs):
        from _threadlab import runner
        from _threadlab.tracer import described, shown
        T = runner.tracer
        running = T.event("RUNNING", self.name, None, self.submit)
        try:
            value = self.fn(*args, **kwargs)
        except BaseException as error:
            T.event("DONE", self.name, "raised " + described(error), running)
            raise
        done = T.new_id()
        T.event("DONE", self.name, shown(value), running, id=done)
        return Tagged(done, value)
