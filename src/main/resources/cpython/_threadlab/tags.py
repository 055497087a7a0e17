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
