import threading
import time


def html_spider(url, sem):
    time.sleep(2)
    print("got html text success", url)
    sem.release()           # one place frees up: the producer may start another spider


def url_producer(sem):
    for i in range(20):
        sem.acquire()       # waits while all three places are taken
        url = "https://example.com/{}".format(i)
        threading.Thread(target=html_spider, args=(url, sem)).start()


if __name__ == "__main__":
    sem = threading.BoundedSemaphore(3)   # at most three spiders at once
    threading.Thread(target=url_producer, args=(sem,), name="UrlProducer").start()
