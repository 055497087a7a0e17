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
    # submit returns at once with a Future; pass the function and its arguments, not a call
    task1 = executor.submit(get_html, 3)  #@task1
    # {% if raises %}
    task2 = executor.submit(broken_page, 2)   # this task raises  #@task2
    # {% else %}
    task2 = executor.submit(get_html, 2)  #@task2
    # {% endif %}
    # {% if thirdTask %}
    task3 = executor.submit(get_html, 4)    # both workers are busy: it waits in the queue  #@task3
    # {% endif %}

    time.sleep(0.2)                               # a moment for the workers to pick up their tasks  #@pause
    print("task1 done:", task1.done())            # False: still running  #@done1
    print("task2 cancelled:", task2.cancel())     # False: a running task cannot be cancelled  #@cancel2
    # {% if thirdTask %}
    print("task3 cancelled:", task3.cancel())     # True: it had not started yet  #@cancel3
    # {% endif %}
    time.sleep(3.5)                               # the tutorial's sleep(3) races the 3-second task  #@wait
    print("task1 done:", task1.done())            # True  #@done1-again
    print("task1 result:", task1.result())        # 3  #@result1
    try:
        print("task2 result:", task2.result())  #@result2
    except ValueError as e:                       # what the task raised is raised here, in the caller
        print("task2 raised:", e)  #@raised
