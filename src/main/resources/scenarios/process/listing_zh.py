import multiprocessing
import time

# {% if subclass %}

class GetHtmlProcess(multiprocessing.Process):
    def __init__(self, n):
        super().__init__()  # 先做父类的初始化  #@super
        self.n = n

    def run(self):  # 新进程要运行的内容；start() 会在新进程里调用它
        time.sleep(self.n)  #@sleep
        print("sub_progress success")  #@success
# {% else %}

def get_html(n):
    time.sleep(n)  #@sleep
    print("sub_progress success")  #@success
    return n  # Process 会丢掉 target 的返回值
# {% endif %}


# 这个判断很重要：用 "spawn" 方式启动（Windows、macOS 的默认）时，子进程会重新导入本文件，
# 没有它，子进程也会执行下面这些行，再去启动自己的子进程。
if __name__ == "__main__":
    # {% if subclass %}
    progress = GetHtmlProcess({{sleepSeconds}})  #@make
    # {% else %}
    progress = multiprocessing.Process(target=get_html, args=({{sleepSeconds}},))  #@make
    # {% endif %}
    print(progress.pid)  # None：进程还不存在  #@pid-before
    progress.start()  #@start
    print(progress.pid)  # 子进程真实的 pid  #@pid-after
    progress.join()  #@join
    print("main progress end")  #@end
