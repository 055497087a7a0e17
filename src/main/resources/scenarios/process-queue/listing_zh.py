import time
from multiprocessing import Process, Queue

# {% if globals %}
shared = []   # 脚本的全局变量：每个进程各有一份  #@global


# {% endif %}
def producer(queue):
    # {% if globals %}
    shared.append("a")   # 只改动本进程自己的那一份  #@append
    # {% endif %}
    queue.put("a")  #@put
    time.sleep({{seconds}})  #@producer-sleep


def consumer(queue):
    # {% if consumerSleeps %}
    time.sleep({{seconds}})  #@consumer-sleep
    # {% endif %}
    data = queue.get()   # 直到有元素才返回  #@get
    # {% if globals %}
    print(data, shared)  #@print
    # {% else %}
    print(data)  #@print
    # {% endif %}


if __name__ == "__main__":
    queue = Queue({{maxsize}})  #@queue
    my_producer = Process(target=producer, args=(queue,))  #@producer
    my_consumer = Process(target=consumer, args=(queue,))  #@consumer
    my_producer.start()  #@start-producer
    my_consumer.start()  #@start-consumer
    my_producer.join()  #@join-producer
    my_consumer.join()  #@join-consumer
    # {% if globals %}
    print("main sees", shared)  #@main-sees
    # {% endif %}
