import threading
import time
from queue import Queue


def get_detail_html(queue):
    while True:
        url = queue.get()          # 队列为空时在此等待  #@get
        print("get detail html started", url)  #@html-started
        time.sleep({{detailSeconds}})  #@html-sleep
        print("get detail html end", url)  #@html-end
        queue.task_done()          # 每次 get() 对应一次：join() 靠它计数  #@task-done


def get_detail_url(queue):
    print("get detail url started")  #@url-started
    time.sleep({{listSeconds}})  #@url-sleep
    for i in range({{urls}}):
        queue.put("https://example.com/{}".format(i))   # 队列已满时在此等待  #@put
    print("get detail url end")  #@url-end


if __name__ == "__main__":
    detail_url_queue = Queue(maxsize={{maxsize}})  #@queue
    producer = threading.Thread(target=get_detail_url, args=(detail_url_queue,))  #@producer
    for i in range({{consumers}}):
        # 守护线程：它们永远循环，工作完成后随进程一起结束
        threading.Thread(target=get_detail_html, args=(detail_url_queue,), daemon=True).start()  #@consumer
    start_time = time.time()
    producer.start()  #@start
    producer.join()               # 所有 URL 都已放入队列……  #@join
    detail_url_queue.join()       # ……并且每一个都已标记完成  #@queue-join
    print("last time: {:.2f}".format(time.time() - start_time))  #@last-time
