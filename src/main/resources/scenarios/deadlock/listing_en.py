import threading
import time

a = threading.Lock()
b = threading.Lock()


def take_both(first, second, pause=0.1):
    with first:
        print("took", first)
        time.sleep(pause)   # time for the other thread to take its first lock
        with second:        # opposite orders: each waits for the lock the other holds
            print("took", second)


if __name__ == "__main__":
    thread_a = threading.Thread(target=take_both, args=(a, b), name="A")
    thread_b = threading.Thread(target=take_both, args=(b, a), name="B")
    # The fix: take locks in one order everywhere, args=(a, b) for B too.
    thread_a.start()
    thread_b.start()
    thread_a.join()
    thread_b.join()
    print("both done")
