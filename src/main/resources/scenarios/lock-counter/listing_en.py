import threading
import time

total = 0  #@total
lock = threading.Lock()    # a plain Lock is enough here; nobody takes it twice  #@lock


def add():
    global total
    for i in range({{n}}):  #@add-loop
        with lock:  #@add-with
            total += 1     # nobody else can be between this read and this write  #@add


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
    print(total)           # always 0  #@print-total
    # ThreadLab also prints how many updates were lost (none): it counts them, CPython cannot.
    print("last time: {:.3f}".format(time.time() - start))  #@last-time
