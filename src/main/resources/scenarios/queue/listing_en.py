import threading
import time
from queue import Queue


def get_detail_html(queue):
    while True:
        url = queue.get()          # waits while the queue is empty
        print("get detail html started", url)
        time.sleep(2)
        print("get detail html end", url)
        queue.task_done()          # one per get(): join() counts these


def get_detail_url(queue):
    print("get detail url started")
    time.sleep(4)
    for i in range(30):
        queue.put("https://example.com/{}".format(i))   # waits while the queue is full
    print("get detail url end")


if __name__ == "__main__":
    detail_url_queue = Queue(maxsize=5)
    producer = threading.Thread(target=get_detail_url, args=(detail_url_queue,))
    for i in range(10):
        # daemons: they loop for ever and end with the process once the work is done
        threading.Thread(target=get_detail_html, args=(detail_url_queue,), daemon=True).start()
    start_time = time.time()
    producer.start()
    producer.join()               # every URL is in the queue...
    detail_url_queue.join()       # ...and every one has been marked done
    print("last time: {:.2f}".format(time.time() - start_time))
