from multiprocessing import Process, Pipe


def producer(pipe):
    pipe.send("bobby")  #@send
    # {% if reply %}
    print(pipe.recv())   #: answer  #@recv-reply
    # {% endif %}


def consumer(pipe):
    # {% if reply %}
    data = pipe.recv()   #: waits  #@recv
    print(data)  #@print
    pipe.send("got " + data)   #: sends-too  #@send-reply
    # {% else %}
    print(pipe.recv())   #: waits  #@recv
    # {% endif %}


if __name__ == "__main__":
    # {% if duplex %}
    #: duplex
    receive_pipe, send_pipe = Pipe()  #@pipe
    # {% else %}
    #: one-way
    receive_pipe, send_pipe = Pipe(duplex=False)  #@pipe
    # {% endif %}
    my_producer = Process(target=producer, args=(send_pipe,))  #@producer
    my_consumer = Process(target=consumer, args=(receive_pipe,))  #@consumer
    my_producer.start()  #@start-producer
    my_consumer.start()  #@start-consumer
    my_producer.join()  #@join-producer
    my_consumer.join()  #@join-consumer
