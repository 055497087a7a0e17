# What ThreadPoolExecutor does inside, as the tutorial reads CPython's source (simplified).

def submit(self, fn, *args, **kwargs):
    with self._shutdown_lock:
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        f = _base.Future()                   # the box the result will be put in
        w = _WorkItem(f, fn, args, kwargs)
        self._work_queue.put(w)              # a thread-safe queue.Queue
        self._adjust_thread_count()          # a new worker if fewer than max_workers
        return f


def _worker(executor_reference, work_queue):
    while True:
        work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            continue
        # None: the pool is shutting down; pass the word on and stop
        work_queue.put(None)
        return


class _WorkItem:
    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return                           # it was cancelled while queued
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)
