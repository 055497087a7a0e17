import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def get_html(times):
    time.sleep(times)
    print("get page {} success".format(times))
    return times


with ThreadPoolExecutor(max_workers=2) as executor:
    urls = [3, 2, 4]
    all_task = [executor.submit(get_html, url) for url in urls]
    for future in as_completed(all_task):     # 每个 future 一完成就交出来
        data = future.result()
        print("get {} page".format(data))     # 2、3、4：完成的顺序
