# ThreadPoolExecutor 的内部，按教程对 CPython 源码的解读（有简化）。

def submit(self, fn, *args, **kwargs):
    with self._shutdown_lock:
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        f = _base.Future()                   # 将来放结果的盒子
        w = _WorkItem(f, fn, args, kwargs)
        self._work_queue.put(w)              # 线程安全的 queue.Queue
        self._adjust_thread_count()          # 少于 max_workers 时启动新的工作线程
        return f


def _worker(executor_reference, work_queue):
    while True:
        work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            continue
        # None：线程池正在关闭；把消息传给下一个并退出
        work_queue.put(None)
        return


class _WorkItem:
    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return                           # 排队时已被取消
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)
