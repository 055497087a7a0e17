import time
from concurrent.futures import ThreadPoolExecutor


def get_html(times):
    time.sleep(times)
    print("get page {} success".format(times))
    return times


with ThreadPoolExecutor(max_workers=2) as executor:
    # submit returns at once with a Future; pass the function and its arguments, not a call
    task1 = executor.submit(get_html, 3)
    task2 = executor.submit(get_html, 2)
    task3 = executor.submit(get_html, 4)    # both workers are busy: it waits in the queue

    time.sleep(0.2)                               # a moment for the workers to pick up their tasks
    print("task1 done:", task1.done())            # False: still running
    print("task2 cancelled:", task2.cancel())     # False: a running task cannot be cancelled
    print("task3 cancelled:", task3.cancel())     # True: it had not started yet
    time.sleep(3.5)                               # the tutorial's sleep(3) races the 3-second task
    print("task1 done:", task1.done())            # True
    print("task1 result:", task1.result())        # 3
    try:
        print("task2 result:", task2.result())
    except Exception as e:                        # what the task raised is raised here, in the caller
        print("task2 raised:", e)
