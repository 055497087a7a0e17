import threading

total = 0  #@total


def add():
    global total
    for i in range({{n}}):  #@add-loop
        total += 1      #: three-steps  #@add


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
    print(total)        #: zero-if-none-lost  #@print-total
    #: threadlab-counts
