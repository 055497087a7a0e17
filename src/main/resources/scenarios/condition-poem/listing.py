import threading
import time

TIANMAO_LINES = ["小爱同学", "我们来对古诗吧", "我住长江头", "日日思君不见君", "此水几时休", "只愿君心似我心"]
XIAOAI_LINES = ["在", "好啊", "君住长江尾", "共饮长江水", "此恨何时已", "定不负相思意"]
#: poem


def xiaoai(cond):
    with cond:  #@xiaoai-with
        for line in XIAOAI_LINES:
            cond.wait()               #: must-wait-first  #@xiaoai-wait
            print("小爱: " + line)  #@xiaoai-print
            time.sleep({{lineSeconds}})           #: takes-a-moment  #@xiaoai-sleep
            cond.notify()  #@xiaoai-notify


def tianmao(cond):
    with cond:  #@tianmao-with
        for line in TIANMAO_LINES:
            print("天猫精灵: " + line)  #@tianmao-print
            time.sleep({{lineSeconds}})  #@tianmao-sleep
            cond.notify()             #: lost-notify  #@tianmao-notify
            cond.wait()  #@tianmao-wait


#: robust
turn = "天猫精灵"


def speak(cond, me, other, lines):
    global turn
    with cond:  #@speak-with
        for line in lines:
            cond.wait_for(lambda: turn == me)  #@wait-for
            print(me + ": " + line)  #@speak-print
            time.sleep({{lineSeconds}})  #@speak-sleep
            turn = other  #@turn
            cond.notify()  #@speak-notify


if __name__ == "__main__":
    cond = threading.Condition()  #@cond
    # {% if turns %}
    xiaoai_thread = threading.Thread(target=speak, args=(cond, "小爱", "天猫精灵", XIAOAI_LINES), name="小爱")  #@xiaoai-thread
    tianmao_thread = threading.Thread(target=speak, args=(cond, "天猫精灵", "小爱", TIANMAO_LINES), name="天猫精灵")  #@tianmao-thread
    # {% else %}
    xiaoai_thread = threading.Thread(target=xiaoai, args=(cond,), name="小爱")  #@xiaoai-thread
    tianmao_thread = threading.Thread(target=tianmao, args=(cond,), name="天猫精灵")  #@tianmao-thread
    # {% endif %}
    # {% if tianmaoFirst %}
    tianmao_thread.start()   #: wrong-order  #@tianmao-start
    xiaoai_thread.start()  #@xiaoai-start
    # {% else %}
    xiaoai_thread.start()    #: order-matters  #@xiaoai-start
    tianmao_thread.start()  #@tianmao-start
    # {% endif %}
