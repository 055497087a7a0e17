import threading
import time


class GetDetailHtml(threading.Thread):
    def __init__(self, name):
        super().__init__(name=name)   # 先调用父类的初始化

    def run(self):                    # start() 会在新线程上运行它
        print("get detail html started")
        time.sleep(2)
        print("get detail html end")


class GetDetailUrl(threading.Thread):
    def __init__(self, name):
        super().__init__(name=name)

    def run(self):
        print("get detail url started")
        time.sleep(4)
        print("get detail url end")


if __name__ == "__main__":
    thread1 = GetDetailHtml("get_detail_html")
    thread2 = GetDetailUrl("get_detail_url")
    start_time = time.time()
    thread1.start()    # 不是 thread1.run()：那样会在主线程上直接运行
    thread2.start()
    thread1.join()
    thread2.join()
    print("last time: {:.2f}".format(time.time() - start_time))
