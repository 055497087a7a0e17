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
    # target is the function itself, not a call of it: target=get_detail_html
    thread1 = threading.Thread(target=get_detail_html, args=("",))
    thread2 = threading.Thread(target=get_detail_url, args=("",))
    # Daemon variant: threading.Thread(..., daemon=True), and no join() below.
    # (setDaemon(True) does the same but is deprecated since Python 3.10.)

    start_time = time.time()
    thread1.start()
    thread2.start()

    # join() blocks main until that thread has ended: two joins take
    # max(2, 4) seconds, not 2 + 4, because both threads sleep at once.
    thread1.join()
    thread2.join()

    print("last time: {:.2f}".format(time.time() - start_time))
