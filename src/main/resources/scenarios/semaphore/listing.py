import threading
import time


def html_spider(url, sem):
    time.sleep({{seconds}})  #@sleep
    print("got html text success", url)  #@print
    sem.release()           #: place-frees  #@release


def url_producer(sem):
    for i in range({{urls}}):
        sem.acquire()       #: waits-full  #@acquire
        url = "https://example.com/{}".format(i)  #@url
        threading.Thread(target=html_spider, args=(url, sem)).start()  #@spider


if __name__ == "__main__":
    sem = threading.BoundedSemaphore({{permits}})   #: at-most  #@sem
    threading.Thread(target=url_producer, args=(sem,), name="UrlProducer").start()  #@producer
