import time
from multiprocessing import Process, Queue

# {% if globals %}
shared = []   #: own-copy  #@global


# {% endif %}
def producer(queue):
    # {% if globals %}
    shared.append("a")   #: this-copy-only  #@append
    # {% endif %}
    queue.put("a")  #@put
    time.sleep({{seconds}})  #@producer-sleep


def consumer(queue):
    # {% if consumerSleeps %}
    time.sleep({{seconds}})  #@consumer-sleep
    # {% endif %}
    data = queue.get()   #: waits  #@get
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
