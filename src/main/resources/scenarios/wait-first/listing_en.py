import time
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED


def get_html(times):
    time.sleep(times)
    print("get page {} success".format(times))
    return times


with ThreadPoolExecutor(max_workers=2) as executor:
    urls = [3, 2, 4]
    all_task = [executor.submit(get_html, url) for url in urls]
    done, not_done = wait(all_task, return_when=FIRST_COMPLETED)   # back after the first one
    print("main", "done:", len(done), "not done:", len(not_done))
# leaving the with block waits for the others: shutdown(wait=True)
