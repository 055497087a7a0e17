import multiprocessing
import time

# {% if subclass %}

class GetHtmlProcess(multiprocessing.Process):
    def __init__(self, n):
        super().__init__()  # first the parent's initialisation  #@super
        self.n = n

    def run(self):  # what the new process runs; start() calls it there
        time.sleep(self.n)  #@sleep
        print("sub_progress success")  #@success
# {% else %}

def get_html(n):
    time.sleep(n)  #@sleep
    print("sub_progress success")  #@success
    return n  # a Process drops what its target returns
# {% endif %}


# The guard matters: with the "spawn" start method (Windows, macOS) the child imports this
# file again, and without it would run these lines too and start processes of its own.
if __name__ == "__main__":
    # {% if subclass %}
    progress = GetHtmlProcess({{sleepSeconds}})  #@make
    # {% else %}
    progress = multiprocessing.Process(target=get_html, args=({{sleepSeconds}},))  #@make
    # {% endif %}
    print(progress.pid)  # None: there is no process yet  #@pid-before
    progress.start()  #@start
    print(progress.pid)  # the child's real pid  #@pid-after
    progress.join()  #@join
    print("main progress end")  #@end
