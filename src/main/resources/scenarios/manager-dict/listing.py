# {% if counter %}
import time
# {% endif %}
from multiprocessing import Process, Manager


# {% if counter %}
# {% if lock %}
def add_one(p_dict, lock, times):
    for _ in range(times):
        with lock:   #: waits-here  #@with-lock
            value = p_dict["count"]   #: read  #@read
            time.sleep({{workSeconds}})   #: work  #@work
            p_dict["count"] = value + 1   #: write  #@write
# {% else %}
def add_one(p_dict, times):
    for _ in range(times):
        value = p_dict["count"]   #: read  #@read
        time.sleep({{workSeconds}})   #: work  #@work
        p_dict["count"] = value + 1   #: write  #@write
# {% endif %}


if __name__ == "__main__":
    manager = Manager()  #@manager
    progress_dict = manager.dict()  #@dict
    # {% if lock %}
    lock = manager.Lock()   #: lock-in-manager  #@lock
    # {% endif %}
    progress_dict["count"] = 0  #@count
    # {% if lock %}
    first_progress = Process(target=add_one, args=(progress_dict, lock, {{times}}))  #@first
    second_progress = Process(target=add_one, args=(progress_dict, lock, {{times}}))  #@second
    # {% else %}
    first_progress = Process(target=add_one, args=(progress_dict, {{times}}))  #@first
    second_progress = Process(target=add_one, args=(progress_dict, {{times}}))  #@second
    # {% endif %}
# {% else %}
def add_data(p_dict, key, value):
    p_dict[key] = value   #: one-request  #@set


if __name__ == "__main__":
    progress_dict = Manager().dict()  #@dict
    first_progress = Process(target=add_data, args=(progress_dict, "bobby1", 22))  #@first
    second_progress = Process(target=add_data, args=(progress_dict, "bobby2", 23))  #@second
# {% endif %}

    first_progress.start()  #@start1
    second_progress.start()  #@start2
    first_progress.join()  #@join1
    second_progress.join()  #@join2
    print(progress_dict)  #@print
