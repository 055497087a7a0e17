import threading
import time

total = 0  #@total
lock = threading.Lock()    #: plain-lock  #@lock


def add():
    global total
    for i in range({{n}}):  #@add-loop
        with lock:  #@add-with
            total += 1     #: nobody-between  #@add


def desc():
    global total
    for i in range({{n}}):  #@desc-loop
        with lock:  #@desc-with
            total -= 1  #@desc


if __name__ == "__main__":
    thread1 = threading.Thread(target=add)  #@thread1
    thread2 = threading.Thread(target=desc)  #@thread2
    start = time.time()  #@start
    thread1.start()  #@start1
    thread2.start()  #@start2
    thread1.join()  #@join1
    thread2.join()  #@join2
    print(total)           #: always-zero  #@print-total
    #: threadlab-counts
    print("last time: {:.3f}".format(time.time() - start))  #@last-time
