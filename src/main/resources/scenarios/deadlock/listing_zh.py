import threading
import time

a = threading.Lock()
b = threading.Lock()


def take_both(first, second, pause=0.1):
    with first:
        print("took", first)
        time.sleep(pause)   # 给另一个线程时间，拿到它的第一把锁
        with second:        # 顺序相反：每个线程都在等对方手里的锁
            print("took", second)


if __name__ == "__main__":
    thread_a = threading.Thread(target=take_both, args=(a, b), name="A")
    thread_b = threading.Thread(target=take_both, args=(b, a), name="B")
    # 修正方法：所有地方按同一顺序加锁，B 也用 args=(a, b)。
    thread_a.start()
    thread_b.start()
    thread_a.join()
    thread_b.join()
    print("both done")
