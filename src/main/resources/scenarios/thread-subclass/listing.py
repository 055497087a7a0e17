import threading
import time


class GetDetailHtml(threading.Thread):
    def __init__(self, name):
        super().__init__(name=name)   #: parent-init  #@html-init

    def run(self):                    #: run
        print("get detail html started")  #@html-started
        time.sleep({{htmlSeconds}})  #@html-sleep
        print("get detail html end")  #@html-end


class GetDetailUrl(threading.Thread):
    def __init__(self, name):
        super().__init__(name=name)  #@url-init

    def run(self):
        print("get detail url started")  #@url-started
        time.sleep({{urlSeconds}})  #@url-sleep
        print("get detail url end")  #@url-end


if __name__ == "__main__":
    thread1 = GetDetailHtml("get_detail_html")  #@thread1
    thread2 = GetDetailUrl("get_detail_url")  #@thread2
    start_time = time.time()
    thread1.start()    #: not-run  #@start1
    thread2.start()  #@start2
    thread1.join()  #@join1
    thread2.join()  #@join2
    print("last time: {:.2f}".format(time.time() - start_time))  #@last-time
