from multiprocessing import Process, Pipe


def producer(pipe):
    pipe.send("bobby")  #@send
    # {% if reply %}
    print(pipe.recv())   # 回复从同一端传回来  #@recv-reply
    # {% endif %}


def consumer(pipe):
    # {% if reply %}
    data = pipe.recv()   # 直到有数据传来才返回  #@recv
    print(data)  #@print
    pipe.send("got " + data)   # 这一端也能发送  #@send-reply
    # {% else %}
    print(pipe.recv())   # 直到有数据传来才返回  #@recv
    # {% endif %}


if __name__ == "__main__":
    # {% if duplex %}
    # Pipe() 是双工的：两端都能发送和接收；变量名只说明
    # 本程序怎样使用它们
    receive_pipe, send_pipe = Pipe()  #@pipe
    # {% else %}
    # Pipe(duplex=False)：第一端只能接收，第二端只能发送
    receive_pipe, send_pipe = Pipe(duplex=False)  #@pipe
    # {% endif %}
    my_producer = Process(target=producer, args=(send_pipe,))  #@producer
    my_consumer = Process(target=consumer, args=(receive_pipe,))  #@consumer
    my_producer.start()  #@start-producer
    my_consumer.start()  #@start-consumer
    my_producer.join()  #@join-producer
    my_consumer.join()  #@join-consumer
