from multiprocessing import Process, Pipe


def producer(pipe):
    pipe.send("bobby")  #@send
    # {% if reply %}
    print(pipe.recv())   # the answer comes back on the same end  #@recv-reply
    # {% endif %}


def consumer(pipe):
    # {% if reply %}
    data = pipe.recv()   # waits until something comes  #@recv
    print(data)  #@print
    pipe.send("got " + data)   # this end sends too  #@send-reply
    # {% else %}
    print(pipe.recv())   # waits until something comes  #@recv
    # {% endif %}


if __name__ == "__main__":
    # {% if duplex %}
    # Pipe() is duplex: each end both sends and receives; the names only
    # say how this program uses them
    receive_pipe, send_pipe = Pipe()  #@pipe
    # {% else %}
    # Pipe(duplex=False): the first end only receives, the second only sends
    receive_pipe, send_pipe = Pipe(duplex=False)  #@pipe
    # {% endif %}
    my_producer = Process(target=producer, args=(send_pipe,))  #@producer
    my_consumer = Process(target=consumer, args=(receive_pipe,))  #@consumer
    my_producer.start()  #@start-producer
    my_consumer.start()  #@start-consumer
    my_producer.join()  #@join-producer
    my_consumer.join()  #@join-consumer
