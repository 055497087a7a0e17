import threading
import time


def get_detail_html(url):
    print("get detail html started")  #@html-started
    time.sleep({{htmlSeconds}})  #@html-sleep
    print("get detail html end")  #@html-end


def get_detail_url(url):
    print("get detail url started")  #@url-started
    time.sleep({{urlSeconds}})  #@url-sleep
    print("get detail url end")  #@url-end


if __name__ == "__main__":  #@script
    # target 传入函数本身，而不是函数调用的结果：target=get_detail_html
    # {% if daemon %}
    # daemon=True：进程结束时，这些线程无论执行到哪里都随之结束
    # （setDaemon(True) 作用相同，但自 Python 3.10 起已弃用）
    thread1 = threading.Thread(target=get_detail_html, args=("",), daemon=True)  #@thread1
    thread2 = threading.Thread(target=get_detail_url, args=("",), daemon=True)  #@thread2
    # {% else %}
    thread1 = threading.Thread(target=get_detail_html, args=("",))  #@thread1
    thread2 = threading.Thread(target=get_detail_url, args=("",))  #@thread2
    # {% endif %}

    start_time = time.time()
    thread1.start()  #@start1
    thread2.start()  #@start2
    # {% if join %}

    # join() 让主线程阻塞到该线程结束：两次 join 共等待
    # max({{htmlSeconds}}, {{urlSeconds}}) 秒，而不是 {{htmlSeconds}} + {{urlSeconds}} 秒，因为两个线程是同时在睡眠的。
    thread1.join()  #@join1
    thread2.join()  #@join2
    # {% endif %}

    print("last time: {:.2f}".format(time.time() - start_time))  #@last-time
