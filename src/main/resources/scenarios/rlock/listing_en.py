import threading

lock = threading.RLock()   # with threading.Lock(), the second acquire waits for ever


def add():
    lock.acquire()
    print("acquired once")
    lock.acquire()          # the RLock's owner may take it again: hold count 2
    print("acquired twice")
    lock.release()
    lock.release()          # as many releases as acquires
    print("released twice")


if __name__ == "__main__":
    thread = threading.Thread(target=add)
    thread.start()
    thread.join()
