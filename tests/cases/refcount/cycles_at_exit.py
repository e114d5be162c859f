# Objects that are only kept alive by reference cycles when the program ends.
# CPython's last collection at shutdown finalizes them (__del__ runs, a
# suspended generator's finally block runs); pyrite frees their memory at exit
# but has no collector yet, so it runs neither: a known failure until the
# cycle collector lands.
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
