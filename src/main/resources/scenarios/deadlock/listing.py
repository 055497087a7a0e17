import threading
import time

a = threading.Lock()  #@a
b = threading.Lock()  #@b
names = {a: "a", b: "b"}    #: names


def take_both(first, second):
    with first:  #@first
        print("took", names[first])  #@took-first
        time.sleep({{pause}})   #: pause  #@pause
        with second:        #: opposite-orders  #@second
            print("took", names[second])  #@took-second


if __name__ == "__main__":
    thread_a = threading.Thread(target=take_both, args=(a, b), name="A")  #@thread-a
    # {% if sameOrder %}
    thread_b = threading.Thread(target=take_both, args=(a, b), name="B")  #: the-fix  #@thread-b
    # {% else %}
    thread_b = threading.Thread(target=take_both, args=(b, a), name="B")  #: other-order  #@thread-b
    # {% endif %}
    thread_a.start()  #@start-a
    thread_b.start()  #@start-b
    thread_a.join()  #@join-a
    thread_b.join()  #@join-b
    print("both done")  #@both-done
