#: simplified
import itertools
import queue
import threading
import time
from concurrent.futures import Future


class _WorkItem:
    def __init__(self, future, fn, args):
        self.future = future
        self.fn = fn
        self.args = args

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return                           #: cancelled
        try:
            result = self.fn(*self.args)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue):
    while True:
        work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            # {% if reuseIdle %}
            executor._idle_semaphore.release()   #: idle-again
            # {% endif %}
            continue
        if executor._shutdown:               #: shutting-down
            work_queue.put(None)
            return


class ThreadPoolExecutor:
    _counter = itertools.count().__next__

    def __init__(self, max_workers):
        self._max_workers = max_workers
        self._work_queue = queue.Queue()     #: thread-safe
        self._threads = set()
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        # {% if reuseIdle %}
        self._idle_semaphore = threading.Semaphore(0)   #: idle-count
        # {% endif %}
        self._thread_name_prefix = "ThreadPoolExecutor-{}".format(self._counter())

    def submit(self, fn, *args):
        with self._shutdown_lock:
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future()                     #: future-box
            w = _WorkItem(f, fn, args)
            self._work_queue.put(w)
            self._adjust_thread_count()      #: new-worker
            return f

    def _adjust_thread_count(self):
        # {% if reuseIdle %}
        if self._idle_semaphore.acquire(timeout=0):
            return                           #: idle-takes-it
        # {% else %}
        #: older-source
        # {% endif %}
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            t = threading.Thread(name="{}_{}".format(self._thread_name_prefix, num_threads),
                                 target=_worker, args=(self, self._work_queue))
            t.start()
            self._threads.add(t)

    def shutdown(self, wait=True):
        with self._shutdown_lock:
            self._shutdown = True
            self._work_queue.put(None)       #: wakes-one
        if wait:
            for t in self._threads:
                t.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.shutdown(wait=True)
        return False


def get_html(times):
    time.sleep(times)  #@get-html-sleep
    print("get page {} success".format(times))  #@get-html-print
    return times


futures = []
with ThreadPoolExecutor(max_workers={{workers}}) as executor:  #@pool
    for i in range({{tasks}}):
        seconds = 2 + i % 3
        #: submit
        futures.append(executor.submit(get_html, seconds))  #@submit
        time.sleep({{submitEvery}})           #: slow  #@submit-every
    print("workers started:", len(executor._threads), "of at most", executor._max_workers)  #@workers
#: shutdown
for i, future in enumerate(futures):
    print("future-{}".format(i), future._state, future.result())  #@report
