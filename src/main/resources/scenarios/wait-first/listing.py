import time
# {% if allCompleted %}
from concurrent.futures import ThreadPoolExecutor, wait, ALL_COMPLETED
# {% else %}
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED
# {% endif %}


def get_html(times):
    time.sleep(times)  #@get-html-sleep
    print("get page {} success".format(times))  #@get-html-print
    return times


with ThreadPoolExecutor(max_workers=2) as executor:  #@pool
    urls = [3, 2, 4]
    all_task = [executor.submit(get_html, url) for url in urls]  #@submit
    # {% if allCompleted %}
    done, not_done = wait(all_task, return_when=ALL_COMPLETED)     #: all-done  #@wait
    # {% else %}
    done, not_done = wait(all_task, return_when=FIRST_COMPLETED)   #: first-done  #@wait
    # {% endif %}
    print("main", "done:", len(done), "not done:", len(not_done))  #@print
#: shutdown
