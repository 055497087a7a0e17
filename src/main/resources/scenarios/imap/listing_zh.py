import multiprocessing
import time


def get_html(n):
    time.sleep(n)  #@get-html-sleep
    print("sub_progress success")  #@get-html-print
    return n


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")  # 与 ThreadLab 启动进程的方式相同：见 pool-apply
    pool = multiprocessing.Pool({{processes}})  # 教程：multiprocessing.cpu_count()  #@pool
    # imap：任务同时运行；结果按列表的顺序交回
    for result in pool.imap(get_html, [1, 5, 3]):  #@imap
        print("{} sleep success".format(result))  #@imap-print
    # imap_unordered：哪个任务先做完，哪个结果就先交回
    for result in pool.imap_unordered(get_html, [1, 5, 3]):  #@imap-unordered
        print("{} sleep success".format(result))  #@unordered-print
    # 进程池一直没有关闭：退出时，multiprocessing 的退出函数会终止它
