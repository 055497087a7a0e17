import multiprocessing
import time


def get_html(n):
    time.sleep(n)  #@get-html-sleep
    print("sub_progress success")  #@get-html-print
    return n


if __name__ == "__main__":
    #: spawn
    multiprocessing.set_start_method("spawn")
    #: cpu-count
    pool = multiprocessing.Pool({{processes}})  #: workers-start  #@pool
    result = pool.apply_async(get_html, args=({{seconds}},))  #: returns-at-once  #@apply-async
    print("ready:", result.ready())  #@ready
    # {% if getTimeout %}
    try:
        result.get(timeout=1)  #@get-timeout
    except multiprocessing.TimeoutError:
        print("not ready after 1 s")  #@timed-out
    # {% endif %}
    pool.close()  #: close  #@close
    pool.join()  #: join  #@join
    print("ready:", result.ready(), "successful:", result.successful())  #@successful
    print(result.get())  #@get
