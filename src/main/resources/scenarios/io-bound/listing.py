import multiprocessing
import time
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor, as_completed


def random_sleep(n):
    time.sleep(n)  #@random-sleep
    return n


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")  #: spawn

    #: clock
    start_time = time.time()  #@threads-start
    with ThreadPoolExecutor({{workers}}) as executor:  #@threads
        all_task = [executor.submit(random_sleep, num) for num in [{{seconds}}] * {{tasks}}]  #@threads-submit
        for future in as_completed(all_task):  #@threads-as-completed
            data = future.result()  #@threads-result
            print("exe result: {}".format(data))  #@threads-print
    print("threads: last time is: {:.2f} s".format(time.time() - start_time))  #@threads-elapsed

    start_time = time.time()  #@processes-start
    with ProcessPoolExecutor({{workers}}) as executor:  #@processes
        all_task = [executor.submit(random_sleep, num) for num in [{{seconds}}] * {{tasks}}]  #@processes-submit
        for future in as_completed(all_task):  #@processes-as-completed
            data = future.result()  #@processes-result
            print("exe result: {}".format(data))  #@processes-print
    print("processes: last time is: {:.2f} s".format(time.time() - start_time))  #@processes-elapsed
