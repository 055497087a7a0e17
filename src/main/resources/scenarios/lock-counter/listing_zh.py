import threading
import time

total = 0  #@total
lock = threading.Lock()    # 这里普通 Lock 就够了：没有谁会获取两次  #@lock


def add():
    global total
    for i in range({{n}}):  #@add-loop
        with lock:  #@add-with
            total += 1     # 在这次读和写之间，其他线程无法插入  #@add


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
    print(total)           # 总是 0  #@print-total
    # ThreadLab 还会打印丢失了多少次更新（一次也没有）：它能数出来，CPython 不能。
    print("last time: {:.3f}".format(time.time() - start))  #@last-time
