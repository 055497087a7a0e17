import time
from concurrent.futures import ThreadPoolExecutor


def get_html(times):
    time.sleep(times)  #@get-html-sleep
    print("get page {} success".format(times))  #@get-html-print
    return times


urls = [3, 2, 4]                        #: forgotten-line
with ThreadPoolExecutor(max_workers={{workers}}) as executor:  #@pool
    for data in executor.map(get_html, urls):  #@map
        print("get {} page".format(data))   #: submit-order  #@print
