import threading
import time

detail_url_list = []        #: shared  #@list
lock = threading.Lock()  #@lock
done = False                #: guarded


def get_detail_html():
    while True:
        with lock:  #@consumer-with
            if len(detail_url_list):  #@consumer-len
                url = detail_url_list.pop()  #@pop
            else:
                url = None
                finished = done  #@finished
        if url is not None:
            print("get detail html started", url)  #@html-started
            time.sleep({{detailSeconds}})  #@html-sleep
            print("get detail html end", url)  #@html-end
        elif finished:
            return  #@return
        else:
            time.sleep({{pollSeconds}})   #: polling  #@poll


def get_detail_url():
    global done
    print("get detail url started")  #@url-started
    time.sleep({{listSeconds}})  #@url-sleep
    i = 0
    while i < {{urls}}:
        with lock:  #@producer-with
            full = len(detail_url_list) >= {{maxLength}}  #@full
            if not full:
                detail_url_list.append("https://example.com/{}".format(i))  #@append
                i += 1
        if full:
            time.sleep({{pollSeconds}})   #: full  #@full-sleep
    with lock:  #@done-with
        done = True  #@done
    print("get detail url end")  #@url-end


if __name__ == "__main__":
    threading.Thread(target=get_detail_url).start()  #@producer
    for i in range({{consumers}}):
        threading.Thread(target=get_detail_html).start()  #@consumer
