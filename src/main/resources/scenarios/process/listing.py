import multiprocessing
import time

# {% if subclass %}

class GetHtmlProcess(multiprocessing.Process):
    def __init__(self, n):
        super().__init__()  #: parent-init  #@super
        self.n = n

    def run(self):  #: run
        time.sleep(self.n)  #@sleep
        print("sub_progress success")  #@success
# {% else %}

def get_html(n):
    time.sleep(n)  #@sleep
    print("sub_progress success")  #@success
    return n  #: result-dropped
# {% endif %}


#: guard
if __name__ == "__main__":
    # {% if subclass %}
    progress = GetHtmlProcess({{sleepSeconds}})  #@make
    # {% else %}
    progress = multiprocessing.Process(target=get_html, args=({{sleepSeconds}},))  #@make
    # {% endif %}
    print(progress.pid)  #: no-pid-yet  #@pid-before
    progress.start()  #@start
    print(progress.pid)  #: real-pid  #@pid-after
    progress.join()  #@join
    print("main progress end")  #@end
