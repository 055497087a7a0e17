# 按 CPython 源码写出的 ThreadPoolExecutor，简化到本课要展示的部分：
# submit 把工作项放进队列，工作线程少于 max_workers 时再启动一个；
# 每个工作线程从队列取出工作项并运行；队列里的 None 让工作线程退出。
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
            return                           # 排队时已被取消
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
            executor._idle_semaphore.release()   # 又空闲了：下一次 submit 可以用这个工作线程
            # {% endif %}
            continue
        if executor._shutdown:               # None：线程池正在关闭；把消息传给下一个并退出
            work_queue.put(None)
            return


class ThreadPoolExecutor:
    _counter = itertools.count().__next__

    def __init__(self, max_workers):
        self._max_workers = max_workers
        self._work_queue = queue.Queue()     # 线程安全的队列
        self._threads = set()
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        # {% if reuseIdle %}
        self._idle_semaphore = threading.Semaphore(0)   # 有几个工作线程空闲（CPython 3.8+）
        # {% endif %}
        self._thread_name_prefix = "ThreadPoolExecutor-{}".format(self._counter())

    def submit(self, fn, *args):
        with self._shutdown_lock:
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future()                     # 将来放结果的盒子
            w = _WorkItem(f, fn, args)
            self._work_queue.put(w)
            self._adjust_thread_count()      # 少于 max_workers 时启动新的工作线程
            return f

    def _adjust_thread_count(self):
        # {% if reuseIdle %}
        if self._idle_semaphore.acquire(timeout=0):
            return                           # 会由一个空闲的工作线程接手（CPython 3.8 及以后）
        # {% else %}
        # 教程引用的旧版源码：不复用空闲的工作线程，每次 submit 都启动一个新的
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
            self._work_queue.put(None)       # 唤醒一个工作线程；每个都会把它传下去
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
        # submit：一个 Future，工作队列上的一个 _WorkItem，少于 max_workers 时再加一个工作线程
        futures.append(executor.submit(get_html, seconds))  #@submit
        time.sleep({{submitEvery}})           # 足够慢，才能看清每一步  #@submit-every
    print("workers started:", len(executor._threads), "of at most", executor._max_workers)  #@workers
# 离开 with 块：shutdown(wait=True)；队列里的 None 让工作线程逐个退出
for i, future in enumerate(futures):
    print("future-{}".format(i), future._state, future.result())  #@report
