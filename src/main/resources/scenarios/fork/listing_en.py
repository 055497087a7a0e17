import os  #@script
import time

# os.fork() exists on Unix only (Linux, macOS). The child is a copy of the parent at the
# moment of the call, memory and all, and both go on from the next line.
pid = os.fork()  #@fork
print("bobby")  # printed twice: once by each process  #@bobby
if pid == 0:  # in the child, fork() returned 0  #@if-child
    print("child {}, its parent is {}".format(os.getpid(), os.getppid()))  #@child
    # {% if parentExitsFirst %}
    time.sleep({{sleepSeconds}})  # meanwhile the parent exits  #@child-sleep
    # not stuck: the orphan is adopted (by init, or a subreaper) and goes on
    print("child {}, adopted by {}".format(os.getpid(), os.getppid()))  #@adopted
    # {% endif %}
else:  # in the parent, fork() returned the child's pid
    print("parent of {}".format(pid))  #@parent
# {% if not parentExitsFirst %}
time.sleep({{sleepSeconds}})  #@sleep
# {% endif %}
