import threading
import time
from queue import Queue


def get_detail_html(queue):
    while True:
        url = queue.get()          #: waits-empty  #@get
        print("get detail html started", url)  #@html-started
        time.sleep({{detailSeconds}})  #@html-sleep
        print("get detail html end", url)  #@html-end
        queue.task_done()          #: task-done  #@task-done


def get_detail_url(queue):
    print("get detail url started")  #@url-started
    time.sleep({{listSeconds}})  #@url-sleep
    for i in range({{urls}}):
        queue.put("https://example.com/{}".format(i))   #: waits-full  #@put
    print("get detail url end")  #@url-end


if __name__ == "__main__":
    detail_url_queue = Queue(maxsize={{maxsize}})  #@queue
    producer = threading.Thread(target=get_detail_url, args=(detail_url_queue,))  #@producer
    for i in range({{consumers}}):
        #: daemons
        threading.Thread(target=get_detail_html, args=(detail_url_queue,), daemon=True).start()  #@consumer
    start_time = time.time()
    producer.start()  #@start
    producer.join()               #: all-queued  #@join
    detail_url_queue.join()       #: all-done  #@queue-join
    print("last time: {:.2f}".format(time.time() - start_time))  #@last-time
