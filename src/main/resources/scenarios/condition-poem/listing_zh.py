import threading
import time

TIANMAO_LINES = ["小爱同学", "我们来对古诗吧", "我住长江头", "日日思君不见君", "此水几时休", "只愿君心似我心"]
XIAOAI_LINES = ["在", "好啊", "君住长江尾", "共饮长江水", "此恨何时已", "定不负相思意"]
# 诗为李之仪《卜算子·我住长江头》。


def xiaoai(cond):
    with cond:  #@xiaoai-with
        for line in XIAOAI_LINES:
            cond.wait()               # 天猫精灵 notify 时，必须已经在等待  #@xiaoai-wait
            print("小爱: " + line)  #@xiaoai-print
            time.sleep({{lineSeconds}})           # 说一句话需要一点时间  #@xiaoai-sleep
            cond.notify()  #@xiaoai-notify


def tianmao(cond):
    with cond:  #@tianmao-with
        for line in TIANMAO_LINES:
            print("天猫精灵: " + line)  #@tianmao-print
            time.sleep({{lineSeconds}})  #@tianmao-sleep
            cond.notify()             # 如果还没有人在等，这次通知就丢了  #@tianmao-notify
            cond.wait()  #@tianmao-wait


# 稳妥的写法：轮到谁由一个变量记录，wait_for 在等待之前先检查它。
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
    tianmao_thread.start()   # 错误的顺序：天猫精灵在有人等待之前就说话并 notify  #@tianmao-start
    xiaoai_thread.start()  #@xiaoai-start
    # {% else %}
    xiaoai_thread.start()    # 启动顺序很重要：小爱必须先开始等待  #@xiaoai-start
    tianmao_thread.start()  #@tianmao-start
    # {% endif %}
