import threading
import time

TIANMAO_LINES = ["小爱同学", "我们来对古诗吧", "我住长江头", "日日思君不见君", "此水几时休", "只愿君心似我心"]
XIAOAI_LINES = ["在", "好啊", "君住长江尾", "共饮长江水", "此恨何时已", "定不负相思意"]
# The poem is Li Zhiyi's "Bu Suan Zi": I live where the Yangtze begins, you live where it ends;
# day after day I long for you and never see you, though we drink the same river's water.


def xiaoai(cond):
    with cond:
        for line in XIAOAI_LINES:
            cond.wait()               # must already be waiting when TianMao notifies
            print("小爱: " + line)
            time.sleep(0.5)           # saying a line takes a moment
            cond.notify()


def tianmao(cond):
    with cond:
        for line in TIANMAO_LINES:
            print("天猫精灵: " + line)
            time.sleep(0.5)
            cond.notify()             # lost if nobody waits yet
            cond.wait()


# Robust: whose turn it is lives in a variable, and wait_for checks it before waiting.
turn = "天猫精灵"


def speak(cond, me, other, lines):
    global turn
    with cond:
        for line in lines:
            cond.wait_for(lambda: turn == me)
            print(me + ": " + line)
            time.sleep(0.5)
            turn = other
            cond.notify()


if __name__ == "__main__":
    cond = threading.Condition()
    a = threading.Thread(target=xiaoai, args=(cond,), name="小爱")
    b = threading.Thread(target=tianmao, args=(cond,), name="天猫精灵")
    a.start()   # the start order matters, and even so nothing guarantees
    b.start()   # that XiaoAi waits before TianMao's first notify
