import os  #@script
import time

# os.fork() 只在 Unix（Linux、macOS）上有。子进程是父进程在调用那一刻的一份拷贝，
# 连同全部内存；两个进程都从下一行接着往下执行。
pid = os.fork()  #@fork
print("bobby")  # 会打印两次：每个进程各一次  #@bobby
if pid == 0:  # 在子进程里，fork() 返回 0  #@if-child
    print("child {}, its parent is {}".format(os.getpid(), os.getppid()))  #@child
    # {% if parentExitsFirst %}
    time.sleep({{sleepSeconds}})  # 这期间父进程退出了  #@child-sleep
    # 子进程并不会卡住：成了孤儿的它被 init（或 subreaper）收养，照常运行
    print("child {}, adopted by {}".format(os.getpid(), os.getppid()))  #@adopted
    # {% endif %}
else:  # 在父进程里，fork() 返回子进程的 pid
    print("parent of {}".format(pid))  #@parent
# {% if not parentExitsFirst %}
time.sleep({{sleepSeconds}})  #@sleep
# {% endif %}
