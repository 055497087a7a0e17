import threading
import time

a = threading.Lock()  #@a
b = threading.Lock()  #@b
names = {a: "a", b: "b"}    # print(first) 只会显示 <locked _thread.lock object at 0x...>


def take_both(first, second):
    with first:  #@first
        print("took", names[first])  #@took-first
        time.sleep({{pause}})   # 给另一个线程时间，拿到它的第一把锁  #@pause
        with second:        # 顺序相反：每个线程都在等对方手里的锁  #@second
            print("took", names[second])  #@took-second


if __name__ == "__main__":
    thread_a = threading.Thread(target=take_both, args=(a, b), name="A")  #@thread-a
    # {% if sameOrder %}
    thread_b = threading.Thread(target=take_both, args=(a, b), name="B")  # 修正方法：所有线程按同一顺序加锁  #@thread-b
    # {% else %}
    thread_b = threading.Thread(target=take_both, args=(b, a), name="B")  # 相反的顺序  #@thread-b
    # {% endif %}
    thread_a.start()  #@start-a
    thread_b.start()  #@start-b
    thread_a.join()  #@join-a
    thread_b.join()  #@join-b
    print("both done")  #@both-done
