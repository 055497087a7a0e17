import os  #@script
import time

#: fork-copies
pid = os.fork()  #@fork
print("bobby")  #: printed-twice  #@bobby
if pid == 0:  #: child-gets-0  #@if-child
    print("child {}, its parent is {}".format(os.getpid(), os.getppid()))  #@child
    # {% if parentExitsFirst %}
    time.sleep({{sleepSeconds}})  #: parent-exits  #@child-sleep
    #: adopted
    print("child {}, adopted by {}".format(os.getpid(), os.getppid()))  #@adopted
    # {% endif %}
else:  #: parent-gets-pid
    print("parent of {}".format(pid))  #@parent
# {% if not parentExitsFirst %}
time.sleep({{sleepSeconds}})  #@sleep
# {% endif %}
