"""queue.Queue (and LifoQueue, PriorityQueue) traced when the listing makes one: PUT before a put,
PUT_DONE once the item is in (value: the depth), GET before a get, GOT once it is out (value: the item,
depth "d", cause: the PUT_DONE of that very item), TASK_DONE (value: tasks unfinished), JOIN, JOINED.
Its timed waits are Condition.wait's, in lesson time already (see threads.py)."""
import collections
import queue

from _threadlab import frames
from _threadlab.tracer import shown


def install(tracer, lesson_monotonic):
    T = tracer
    queue.time = lesson_monotonic  # its deadlines, in the time its waits run in
    Queue = queue.Queue
    init, put, get, task_done, join = Queue.__init__, Queue.put, Queue.get, Queue.task_done, Queue.join
    Queue._tl = None

    def __init__(self, maxsize=0):
        init(self, maxsize)
        if T.on and frames.from_listing():
            self._tl = frames.name("queue")
            self._tl_puts = {}  # id of an item in it -> the PUT_DONEs that put it there, in order
            T.event("CREATE", self._tl, {"type": "queue", "size": maxsize})

    def traced_put(self, item, block=True, timeout=None):
        if self._tl is None or not T.on:
            return put(self, item, block, timeout)
        T.event("PUT", self._tl, shown(item))
        try:
            return put(self, item, block, timeout)
        except queue.Full:
            T.event("PUT_DONE", self._tl, "full")
            raise

    def traced_get(self, block=True, timeout=None):
        if self._tl is None or not T.on:
            return get(self, block, timeout)
        T.event("GET", self._tl, timeout)
        try:
            return get(self, block, timeout)
        except queue.Empty:
            T.event("GOT", self._tl, "empty")
            raise

    def traced_task_done(self):
        task_done(self)
        if self._tl is not None:
            T.event("TASK_DONE", self._tl, self.unfinished_tasks)

    def traced_join(self):
        if self._tl is None or not T.on:
            return join(self)
        T.event("JOIN", self._tl, "all tasks done")
        join(self)
        T.event("JOINED", self._tl)

    Queue.__init__ = __init__
    Queue.put = traced_put
    Queue.get = traced_get
    Queue.task_done = traced_task_done
    Queue.join = traced_join
    for kind, lifo in ((Queue, False), (queue.LifoQueue, True), (queue.PriorityQueue, False)):
        _patch_storage(kind, lifo, T)


def _patch_storage(kind, lifo, T):
    """_put and _get run under the queue's mutex: the events there come in the order the items do."""
    real_put, real_get = kind.__dict__["_put"], kind.__dict__["_get"]

    def _put(self, item):
        real_put(self, item)
        if self._tl is not None and T.on:
            done = T.event("PUT_DONE", self._tl, self._qsize())
            self._tl_puts.setdefault(id(item), collections.deque()).append(done)

    def _get(self):
        item = real_get(self)
        if self._tl is not None and T.on:
            puts = self._tl_puts.get(id(item))
            cause = None
            if puts:
                cause = puts.pop() if lifo else puts.popleft()
                if not puts:
                    del self._tl_puts[id(item)]
            T.event("GOT", self._tl, shown(item), cause, depth=self._qsize())
        return item

    kind._put = _put
    kind._get = _get
