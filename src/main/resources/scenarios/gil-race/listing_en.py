import threading

total = 0


def add():
    global total
    for i in range(1000000):
        total += 1      # LOAD total, ADD 1, STORE total: three steps, not one


def desc():
    global total
    for i in range(1000000):
        total -= 1


if __name__ == "__main__":
    thread1 = threading.Thread(target=add)
    thread2 = threading.Thread(target=desc)
    thread1.start()
    thread2.start()
    thread1.join()
    thread2.join()
    print(total)        # 0 only if no update was lost
