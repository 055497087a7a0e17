import threading
import time

TIANMAO_LINES = ["小爱同学", "我们来对古诗吧", "我住长江头", "日日思君不见君", "此水几时休", "只愿君心似我心"]
XIAOAI_LINES = ["在", "好啊", "君住长江尾", "共饮长江水", "此恨何时已", "定不负相思意"]
# 诗为李之仪《卜算子·我住长江头》。


def xiaoai(cond):
    with cond:
        for line in XIAOAI_LINES:
            cond.wait()               # 天猫精灵 notify 时，必须已经在等待
            print("小爱: " + line)
            time.sleep(0.5)           # 说一句话需要一点时间
            cond.notify()


def tianmao(cond):
    with cond:
        for line in TIANMAO_LINES:
            print("天猫精灵: " + line)
            time.sleep(0.5)
            cond.notify()             # 如果还没有人在等，这次通知就丢了
            cond.wait()


# 稳妥的写法：轮到谁由一个变量记录，wait_for 在等待之前先检查它。
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
    a.start()   # 启动顺序很重要，但即便如此也无法保证
    b.start()   # 小爱一定在天猫精灵第一次 notify 之前开始等待
