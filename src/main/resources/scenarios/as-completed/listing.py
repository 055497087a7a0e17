import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def get_html(times):
    time.sleep(times)  #@get-html-sleep
    print("get page {} success".format(times))  #@get-html-print
    return times


with ThreadPoolExecutor(max_workers={{workers}}) as executor:  #@pool
    urls = [3, 2, 4]
    all_task = [executor.submit(get_html, url) for url in urls]  #@submit
    for future in as_completed(all_task):     #: as-done  #@as-completed
        data = future.result()  #@result
        print("get {} page".format(data))     #: finish-order  #@print
