import threading

# {% if plainLock %}
lock = threading.Lock()    # a plain Lock: the second acquire below waits for ever  #@lock
# {% else %}
lock = threading.RLock()   # with threading.Lock(), the second acquire waits for ever  #@lock
# {% endif %}


def add():
    lock.acquire()  #@acquire1
    print("acquired once")  #@once
    # {% if plainLock %}
    lock.acquire()          # a Lock has no owner: its holder waits here for itself, for ever  #@acquire2
    # {% else %}
    lock.acquire()          # the RLock's owner may take it again: hold count 2  #@acquire2
    # {% endif %}
    print("acquired twice")  #@twice
    lock.release()  #@release1
    lock.release()          # as many releases as acquires  #@release2
    print("released twice")  #@released


if __name__ == "__main__":
    thread = threading.Thread(target=add)  #@thread
    thread.start()  #@start
    thread.join()  #@join
