import multiprocessing
import time


def get_html(n):
    time.sleep(n)  #@get-html-sleep
    print("sub_progress success")  #@get-html-print
    return n


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")  #: spawn
    pool = multiprocessing.Pool({{processes}})  #: cpu-count  #@pool
    #: imap
    for result in pool.imap(get_html, [1, 5, 3]):  #@imap
        print("{} sleep success".format(result))  #@imap-print
    #: imap-unordered
    for result in pool.imap_unordered(get_html, [1, 5, 3]):  #@imap-unordered
        print("{} sleep success".format(result))  #@unordered-print
    #: never-closed
