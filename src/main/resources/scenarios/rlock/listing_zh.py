import threading

# {% if plainLock %}
lock = threading.Lock()    # 普通 Lock：下面第二次 acquire 会永远等下去  #@lock
# {% else %}
lock = threading.RLock()   # 换成 threading.Lock()，第二次 acquire 会永远等下去  #@lock
# {% endif %}


def add():
    lock.acquire()  #@acquire1
    print("acquired once")  #@once
    # {% if plainLock %}
    lock.acquire()          # Lock 没有所有者：持有它的线程在这里永远等待自己  #@acquire2
    # {% else %}
    lock.acquire()          # RLock 的持有者可以再次获取：持有计数为 2  #@acquire2
    # {% endif %}
    print("acquired twice")  #@twice
    lock.release()  #@release1
    lock.release()          # acquire 几次就要 release 几次  #@release2
    print("released twice")  #@released


if __name__ == "__main__":
    thread = threading.Thread(target=add)  #@thread
    thread.start()  #@start
    thread.join()  #@join
