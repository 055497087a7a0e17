import threading
import time


def html_spider(url, sem):
    time.sleep(2)
    print("got html text success", url)
    sem.release()           # 空出一个名额：生产者可以再启动一个爬虫


def url_producer(sem):
    for i in range(20):
        sem.acquire()       # 三个名额都被占用时在此等待
        url = "https://example.com/{}".format(i)
        threading.Thread(target=html_spider, args=(url, sem)).start()


if __name__ == "__main__":
    sem = threading.BoundedSemaphore(3)   # 最多同时三个爬虫
    threading.Thread(target=url_producer, args=(sem,), name="UrlProducer").start()
