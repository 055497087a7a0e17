import threading

# {% if plainLock %}
lock = threading.Lock()    #: plain-lock  #@lock
# {% else %}
lock = threading.RLock()   #: rlock  #@lock
# {% endif %}


def add():
    lock.acquire()  #@acquire1
    print("acquired once")  #@once
    # {% if plainLock %}
    lock.acquire()          #: no-owner  #@acquire2
    # {% else %}
    lock.acquire()          #: hold-count  #@acquire2
    # {% endif %}
    print("acquired twice")  #@twice
    lock.release()  #@release1
    lock.release()          #: as-many  #@release2
    print("released twice")  #@released


if __name__ == "__main__":
    thread = threading.Thread(target=add)  #@thread
    thread.start()  #@start
    thread.join()  #@join
