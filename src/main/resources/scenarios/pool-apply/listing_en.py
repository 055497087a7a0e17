import multiprocessing
import time


def get_html(n):
    time.sleep(n)  #@get-html-sleep
    print("sub_progress success")  #@get-html-print
    return n


if __name__ == "__main__":
    # spawn: each worker is a new interpreter, sent what it runs, as ThreadLab starts a new JVM
    # (the default on Windows and macOS; Linux forks unless told so)
    multiprocessing.set_start_method("spawn")
    # the tutorial writes Pool(multiprocessing.cpu_count()): a worker per core
    pool = multiprocessing.Pool({{processes}})  # its worker processes start now  #@pool
    result = pool.apply_async(get_html, args=({{seconds}},))  # returns at once  #@apply-async
    print("ready:", result.ready())  #@ready
    # {% if getTimeout %}
    try:
        result.get(timeout=1)  #@get-timeout
    except multiprocessing.TimeoutError:
        print("not ready after 1 s")  #@timed-out
    # {% endif %}
    pool.close()  # no new tasks: the workers stop once the queued ones are done  #@close
    pool.join()  # waits for the handler threads and the worker processes  #@join
    print("ready:", result.ready(), "successful:", result.successful())  #@successful
    print(result.get())  #@get
