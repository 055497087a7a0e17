import threading
import time


def html_spider(url, sem):
    time.sleep({{seconds}})  #@sleep
    print("got html text success", url)  #@print
    sem.release()           # 空出一个名额：生产者可以再启动一个爬虫  #@release


def url_producer(sem):
    for i in range({{urls}}):
        sem.acquire()       # 名额都被占用时在此等待  #@acquire
        url = "https://example.com/{}".format(i)  #@url
        threading.Thread(target=html_spider, args=(url, sem)).start()  #@spider


if __name__ == "__main__":
    sem = threading.BoundedSemaphore({{permits}})   # 最多同时 {{permits}} 个爬虫  #@sem
    threading.Thread(target=url_producer, args=(sem,), name="UrlProducer").start()  #@producer
