import threading
import time
from queue import Queue


def get_detail_html(queue):
    while True:
        url = queue.get()          # 队列为空时在此等待
        print("get detail html started", url)
        time.sleep(2)
        print("get detail html end", url)
        queue.task_done()          # 每次 get() 对应一次：join() 靠它计数


def get_detail_url(queue):
    print("get detail url started")
    time.sleep(4)
    for i in range(30):
        queue.put("https://example.com/{}".format(i))   # 队列已满时在此等待
    print("get detail url end")


if __name__ == "__main__":
    detail_url_queue = Queue(maxsize=5)
    producer = threading.Thread(target=get_detail_url, args=(detail_url_queue,))
    for i in range(10):
        # 守护线程：它们永远循环，工作完成后随进程一起结束
        threading.Thread(target=get_detail_html, args=(detail_url_queue,), daemon=True).start()
    start_time = time.time()
    producer.start()
    producer.join()               # 所有 URL 都已放入队列……
    detail_url_queue.join()       # ……并且每一个都已标记完成
    print("last time: {:.2f}".format(time.time() - start_time))
