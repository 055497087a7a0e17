import threading

total = 0  #@total


def add():
    global total
    for i in range({{n}}):  #@add-loop
        total += 1      # LOAD total、ADD 1、STORE total：三步，而不是一步  #@add


def desc():
    global total
    for i in range({{n}}):  #@desc-loop
        total -= 1  #@desc


if __name__ == "__main__":
    thread1 = threading.Thread(target=add)  #@thread1
    thread2 = threading.Thread(target=desc)  #@thread2
    thread1.start()  #@start1
    thread2.start()  #@start2
    thread1.join()  #@join1
    thread2.join()  #@join2
    print(total)        # 只有没有丢失任何更新时才是 0  #@print-total
    # ThreadLab 还会打印丢失了多少次更新：它能数出来，CPython 不能。
