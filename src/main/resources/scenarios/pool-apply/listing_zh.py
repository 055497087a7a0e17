import multiprocessing
import time


def get_html(n):
    time.sleep(n)  #@get-html-sleep
    print("sub_progress success")  #@get-html-print
    return n


if __name__ == "__main__":
    # spawn：每个工作进程都是一个新的解释器，由父进程把要运行的东西发给它，就像 ThreadLab 启动一个新的 JVM
    # （Windows 和 macOS 的默认方式；Linux 不指定时用 fork）
    multiprocessing.set_start_method("spawn")
    # 教程写的是 Pool(multiprocessing.cpu_count())：每个 CPU 核一个工作进程
    pool = multiprocessing.Pool({{processes}})  # 工作进程现在就启动  #@pool
    result = pool.apply_async(get_html, args=({{seconds}},))  # 立刻返回  #@apply-async
    print("ready:", result.ready())  #@ready
    # {% if getTimeout %}
    try:
        result.get(timeout=1)  #@get-timeout
    except multiprocessing.TimeoutError:
        print("not ready after 1 s")  #@timed-out
    # {% endif %}
    pool.close()  # 不再接受新任务：队列里的任务做完后工作进程退出  #@close
    pool.join()  # 等待三个管理线程和所有工作进程结束  #@join
    print("ready:", result.ready(), "successful:", result.successful())  #@successful
    print(result.get())  #@get
