import time
from concurrent.futures import ThreadPoolExecutor


def get_html(times):
    time.sleep(times)
    print("get page {} success".format(times))
    return times


urls = [3, 2, 4]                        # 教程漏掉了这一行
with ThreadPoolExecutor(max_workers=2) as executor:
    for data in executor.map(get_html, urls):
        print("get {} page".format(data))   # 3、2、4：提交的顺序
