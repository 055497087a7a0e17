import threading
import time


class GetDetailHtml(threading.Thread):
    def __init__(self, name):
        super().__init__(name=name)   # first the parent's initialisation

    def run(self):                    # what start() runs on the new thread
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
    thread1.start()    # not thread1.run(): that would run it here, on the main thread
    thread2.start()
    thread1.join()
    thread2.join()
    print("last time: {:.2f}".format(time.time() - start_time))
