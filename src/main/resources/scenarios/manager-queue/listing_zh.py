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
    # spawn：每个工作进程都是一个新的解释器，就像 ThreadLab 启动一个新的 JVM（Linux 不指定时用 fork；
    # 两种方式下这一课都一样：不管用哪种启动方式，进程池都要 pickle 它的任务）
    multiprocessing.set_start_method("spawn")
    # {% if managed %}
    queue = Manager().Queue({{maxsize}})  # 一个代理：传过去的只是它的地址  #@queue
    # {% else %}
    queue = Queue({{maxsize}})  # 只能传给正在启动的进程  #@queue
    # {% endif %}
    pool = Pool(2)  #@pool
    producer_result = pool.apply_async(producer, args=(queue,))  #@apply-producer
    consumer_result = pool.apply_async(consumer, args=(queue,))  #@apply-consumer
    pool.close()  #@close
    pool.join()  #@join
    # {% if askResults %}
    print("ready:", producer_result.ready(), "successful:", producer_result.successful())  #@successful
    try:
        producer_result.get()  # 任务遇到的错误，直到这里才被抛出  #@result-get
        consumer_result.get()  #@result-get-consumer
    except RuntimeError as error:  #@except
        print("RuntimeError:", error)  #@print-error
    # {% endif %}
