# Objects that are only kept alive by reference cycles when the program ends.
# CPython's last collections at shutdown finalize them (__del__ runs, a
# suspended generator's finally block runs), in allocation order.
class WithDel:
    def __del__(self):
        print("del", type(self).__name__)


w = WithDel()
w.me = w


def gen():
    try:
        yield 1
    finally:
        print("gen finally")


g = gen()
next(g)
holder = [g]
holder.append(holder)
del w, g, holder
print("end")
