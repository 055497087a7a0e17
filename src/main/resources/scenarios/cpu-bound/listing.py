import multiprocessing
import time
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor, as_completed


def fib(n):  #@fib
    if n <= 2:
        return 1
    return fib(n - 1) + fib(n - 2)  #@fib-recurse


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")  #: spawn

    start_time = time.time()  #@serial-start
    for num in range({{start}}, {{stop}}):
        fib(num)  #: one-after-another  #@serial
    serial = time.time() - start_time  #@serial-time
    print("serial: {:.2f} s".format(serial))  #@serial-print

    #: clock
    start_time = time.time()  #@threads-start
    with ThreadPoolExecutor({{workers}}) as executor:  #@threads
        all_task = [executor.submit(fib, num) for num in range({{start}}, {{stop}})]  #@threads-submit
        for future in as_completed(all_task):  #@threads-as-completed
            data = future.result()  #@threads-result
            print("exe result: {}".format(data))  #@threads-print
    threads = time.time() - start_time  #@threads-time
    print("threads: {:.2f} s, speed-up {:.1f}".format(threads, serial / threads))  #@threads-elapsed

    start_time = time.time()  #@processes-start
    with ProcessPoolExecutor({{workers}}) as executor:  #@processes
        all_task = [executor.submit(fib, num) for num in range({{start}}, {{stop}})]  #@processes-submit
        for future in as_completed(all_task):  #@processes-as-completed
            data = future.result()  #@processes-result
            print("exe result: {}".format(data))  #@processes-print
    processes = time.time() - start_time  #@processes-time
    print("processes: {:.2f} s, speed-up {:.1f}".format(processes, serial / processes))  #@processes-elapsed
