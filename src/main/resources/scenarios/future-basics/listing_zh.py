import time
from concurrent.futures import ThreadPoolExecutor


def get_html(times):
    time.sleep(times)  #@get-html-sleep
    print("get page {} success".format(times))  #@get-html-print
    return times
# {% if raises %}


def broken_page(times):
    time.sleep(times)  #@broken-sleep
    raise ValueError("page {} failed".format(times))
# {% endif %}


with ThreadPoolExecutor(max_workers=2) as executor:  #@pool
    # submit 立即返回一个 Future；传入的是函数和参数，而不是函数调用
    task1 = executor.submit(get_html, 3)  #@task1
    # {% if raises %}
    task2 = executor.submit(broken_page, 2)   # 这个任务会抛出异常  #@task2
    # {% else %}
    task2 = executor.submit(get_html, 2)  #@task2
    # {% endif %}
    # {% if thirdTask %}
    task3 = executor.submit(get_html, 4)    # 两个工作线程都在忙：它在队列里等待  #@task3
    # {% endif %}

    time.sleep(0.2)                               # 给工作线程一点时间取走任务  #@pause
    print("task1 done:", task1.done())            # False：仍在运行  #@done1
    print("task2 cancelled:", task2.cancel())     # False：正在运行的任务无法取消  #@cancel2
    # {% if thirdTask %}
    print("task3 cancelled:", task3.cancel())     # True：它还没有开始  #@cancel3
    # {% endif %}
    time.sleep(3.5)                               # 教程的 sleep(3) 与 3 秒的任务赛跑  #@wait
    print("task1 done:", task1.done())            # True  #@done1-again
    print("task1 result:", task1.result())        # 3  #@result1
    try:
        print("task2 result:", task2.result())  #@result2
    except ValueError as e:                       # 任务抛出的异常在这里、在调用者中重新抛出
        print("task2 raised:", e)  #@raised
