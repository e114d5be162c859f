# DEBUG_STATS, DEBUG_COLLECTABLE and DEBUG_SAVEALL output (GC-14, GC-9 k),
# captured from sys.stderr with the numbers that differ between
# implementations (generation sizes, addresses, elapsed time) masked.
import gc
import io
import re
import sys


def captured(f):
    buf = io.StringIO()
    old = sys.stderr
    sys.stderr = buf
    try:
        r = f()
    finally:
        sys.stderr = old
    text = buf.getvalue()
    text = re.sub(r"generation: [0-9 ]+\n", "generation: N N N\n", text)
    text = re.sub(r"generation: \d+\n", "generation: P\n", text)
    text = re.sub(r"0x[0-9a-f]+", "0xADDR", text)
    text = re.sub(r"\d+\.\d{4}s elapsed", "T.TTTTs elapsed", text)
    print(text, end="")
    return r


class Node:
    pass


gc.collect()
gc.set_debug(gc.DEBUG_STATS)
a = Node()
b = Node()
a.b = b
b.a = a
del a, b
print("collected", captured(gc.collect))
print("collected", captured(lambda: gc.collect(0)))
gc.set_debug(0)
print("quiet", captured(gc.collect))

gc.set_debug(gc.DEBUG_COLLECTABLE)
x = [1]
x.append(x)
del x
print("collected", captured(gc.collect))

gc.set_debug(gc.DEBUG_SAVEALL)


class Fin:
    def __del__(self):
        print("fin")


f = Fin()
f.self = f
del f
print(gc.collect(), len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())

gc.set_debug(gc.DEBUG_LEAK)
y = [2]
y.append(y)
del y
print("collected", captured(gc.collect), len(gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
print(gc.get_debug())
