import threading
import time


def get_detail_html(url):
    print("get detail html started")  #@html-started
    time.sleep({{htmlSeconds}})  #@html-sleep
    print("get detail html end")  #@html-end


def get_detail_url(url):
    print("get detail url started")  #@url-started
    time.sleep({{urlSeconds}})  #@url-sleep
    print("get detail url end")  #@url-end


if __name__ == "__main__":  #@script
    #: target
    # {% if daemon %}
    #: daemon
    thread1 = threading.Thread(target=get_detail_html, args=("",), daemon=True)  #@thread1
    thread2 = threading.Thread(target=get_detail_url, args=("",), daemon=True)  #@thread2
    # {% else %}
    thread1 = threading.Thread(target=get_detail_html, args=("",))  #@thread1
    thread2 = threading.Thread(target=get_detail_url, args=("",))  #@thread2
    # {% endif %}

    start_time = time.time()
    thread1.start()  #@start1
    thread2.start()  #@start2
    # {% if join %}

    #: join
    thread1.join()  #@join1
    thread2.join()  #@join2
    # {% endif %}

    print("last time: {:.2f}".format(time.time() - start_time))  #@last-time
