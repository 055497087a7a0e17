import threading
import time

total = 0
lock = threading.Lock()    # 这里普通 Lock 就够了：没有谁会获取两次


def add():
    global total
    for i in range(1000000):
        with lock:
            total += 1     # 在这次读和写之间，其他线程无法插入


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
    print(total)           # 总是 0
    print("last time: {:.3f}".format(time.time() - start))
