import threading
import time


def get_detail_html(url):
    print("get detail html started")
    time.sleep(2)
    print("get detail html end")


def get_detail_url(url):
    print("get detail url started")
    time.sleep(4)
    print("get detail url end")


if __name__ == "__main__":
    # target 传入函数本身，而不是函数调用的结果：target=get_detail_html
    thread1 = threading.Thread(target=get_detail_html, args=("",))
    thread2 = threading.Thread(target=get_detail_url, args=("",))
    # 守护线程版本：threading.Thread(..., daemon=True)，并去掉下面的 join()。
    # （setDaemon(True) 作用相同，但自 Python 3.10 起已弃用。）

    start_time = time.time()
    thread1.start()
    thread2.start()

    # join() 让主线程阻塞到该线程结束：两次 join 共等待
    # max(2, 4) 秒，而不是 2 + 4 秒，因为两个线程是同时在睡眠的。
    thread1.join()
    thread2.join()

    print("last time: {:.2f}".format(time.time() - start_time))
