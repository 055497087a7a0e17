import threading
import time

total = 0
lock = threading.Lock()    # a plain Lock is enough here; nobody takes it twice


def add():
    global total
    for i in range(1000000):
        with lock:
            total += 1     # nobody else can be between this read and this write


def desc():
    global total
    for i in range(1000000):
        with lock:
            total -= 1


if __name__ == "__main__":
    start = time.time()
    thread1 = threading.Thread(target=add)
    thread2 = threading.Thread(target=desc)
    thread1.start()
    thread2.start()
    thread1.join()
    thread2.join()
    print(total)           # always 0
    print("last time: {:.3f}".format(time.time() - start))
