import multiprocessing
import time


def get_html(n):
    time.sleep(n)  #@get-html-sleep
    print("sub_progress success")  #@get-html-print
    return n


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")  # as ThreadLab starts its processes: see pool-apply
    pool = multiprocessing.Pool({{processes}})  # the tutorial: multiprocessing.cpu_count()  #@pool
    # imap: the tasks run at the same time; their results come back in the order of the list
    for result in pool.imap(get_html, [1, 5, 3]):  #@imap
        print("{} sleep success".format(result))  #@imap-print
    # imap_unordered: each result comes back as soon as its task is done
    for result in pool.imap_unordered(get_html, [1, 5, 3]):  #@imap-unordered
        print("{} sleep success".format(result))  #@unordered-print
    # the pool is never closed: at exit, multiprocessing's exit function terminates it
