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
    #: submit
    task1 = executor.submit(get_html, 3)  #@task1
    # {% if raises %}
    task2 = executor.submit(broken_page, 2)   #: raises  #@task2
    # {% else %}
    task2 = executor.submit(get_html, 2)  #@task2
    # {% endif %}
    # {% if thirdTask %}
    task3 = executor.submit(get_html, 4)    #: queued  #@task3
    # {% endif %}

    time.sleep(0.2)                               #: pause  #@pause
    print("task1 done:", task1.done())            #: still-running  #@done1
    print("task2 cancelled:", task2.cancel())     #: cannot-cancel  #@cancel2
    # {% if thirdTask %}
    print("task3 cancelled:", task3.cancel())     #: not-started  #@cancel3
    # {% endif %}
    time.sleep(3.5)                               #: race  #@wait
    print("task1 done:", task1.done())            # True  #@done1-again
    print("task1 result:", task1.result())        # 3  #@result1
    try:
        print("task2 result:", task2.result())  #@result2
    except ValueError as e:                       #: raised-here
        print("task2 raised:", e)  #@raised
