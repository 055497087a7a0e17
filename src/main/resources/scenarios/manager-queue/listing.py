import multiprocessing
import time
from multiprocessing import Manager, Pool, Queue


def producer(queue):
    queue.put("a")  #@put
    time.sleep({{seconds}})  #@producer-sleep


def consumer(queue):
    time.sleep({{seconds}})  #@consumer-sleep
    data = queue.get()  #@get
    print(data)  #@print


if __name__ == "__main__":
    #: spawn
    multiprocessing.set_start_method("spawn")
    # {% if managed %}
    queue = Manager().Queue({{maxsize}})  #: proxy  #@queue
    # {% else %}
    queue = Queue({{maxsize}})  #: plain-queue  #@queue
    # {% endif %}
    pool = Pool(2)  #@pool
    producer_result = pool.apply_async(producer, args=(queue,))  #@apply-producer
    consumer_result = pool.apply_async(consumer, args=(queue,))  #@apply-consumer
    pool.close()  #@close
    pool.join()  #@join
    # {% if askResults %}
    print("ready:", producer_result.ready(), "successful:", producer_result.successful())  #@successful
    try:
        producer_result.get()  #: raised-at-last  #@result-get
        consumer_result.get()  #@result-get-consumer
    except RuntimeError as error:  #@except
        print("RuntimeError:", error)  #@print-error
    # {% endif %}
