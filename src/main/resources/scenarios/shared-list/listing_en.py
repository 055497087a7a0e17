import threading
import time

detail_url_list = []        # shared by all threads
lock = threading.Lock()
done = False                # guarded by lock


def get_detail_html():
    while True:
        with lock:
            if len(detail_url_list):
                url = detail_url_list.pop()
            else:
                url = None
                finished = done
        if url is not None:
            print("get detail html started", url)
            time.sleep(2)
            print("get detail html end", url)
        elif finished:
            return
        else:
            time.sleep(1)   # polling: look again later, even if nothing comes


def get_detail_url():
    global done
    print("get detail url started")
    time.sleep(4)
    i = 0
    while i < 20:
        with lock:
            full = len(detail_url_list) >= 10
            if not full:
                detail_url_list.append("https://example.com/{}".format(i))
                i += 1
        if full:
            time.sleep(1)   # full: try the same URL again later
    with lock:
        done = True
    print("get detail url end")


if __name__ == "__main__":
    threading.Thread(target=get_detail_url).start()
    for i in range(10):
        threading.Thread(target=get_detail_html).start()
