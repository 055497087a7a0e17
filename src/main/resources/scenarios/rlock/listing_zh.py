import threading

lock = threading.RLock()   # 换成 threading.Lock()，第二次 acquire 会永远等下去


def add():
    lock.acquire()
    print("acquired once")
    lock.acquire()          # RLock 的持有者可以再次获取：持有计数为 2
    print("acquired twice")
    lock.release()
    lock.release()          # acquire 几次就要 release 几次
    print("released twice")


if __name__ == "__main__":
    thread = threading.Thread(target=add)
    thread.start()
    thread.join()
