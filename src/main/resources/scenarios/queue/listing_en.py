import threading
import time
from queue import Queue


def get_detail_html(queue):
    while True:
        url = queue.get()          # waits while the queue is empty  #@get
        print("get detail html started", url)  #@html-started
        time.sleep({{detailSeconds}})  #@html-sleep
        print("get detail html end", url)  #@html-end
        queue.task_done()          # one per get(): join() counts these  #@task-done


def get_detail_url(queue):
    print("get detail url started")  #@url-started
    time.sleep({{listSeconds}})  #@url-sleep
    for i in range({{urls}}):
        queue.put("https://example.com/{}".format(i))   # waits while the queue is full  #@put
    print("get detail url end")  #@url-end


if __name__ == "__main__":
    detail_url_queue = Queue(maxsize={{maxsize}})  #@queue
    producer = threading.Thread(target=get_detail_url, args=(detail_url_queue,))  #@producer
    for i in range({{consumers}}):
        # daemons: they loop for ever and end with the process once the work is done
        threading.Thread(target=get_detail_html, args=(detail_url_queue,), daemon=True).start()  #@consumer
    start_time = time.time()
    producer.start()  #@start
    producer.join()               # every URL is in the queue...  #@join
    detail_url_queue.join()       # ...and every one has been marked done  #@queue-join
    print("last time: {:.2f}".format(time.time() - start_time))  #@last-time
