# Callbacks run most recent first, after the basic ref and proxy are
# cleared; each receives the dead reference.
import weakref


class C:
    pass


c = C()
basic = weakref.ref(c)
refs = []
for i in range(4):
    refs.append(weakref.ref(c, lambda w, i=i: print('callback', i, w() is None, w in refs)))
prox = weakref.proxy(c)
print(weakref.getweakrefcount(c))
order = weakref.getweakrefs(c)
print(order[0] is basic, order[1] is prox, [[x is r for x in refs].index(True) for r in order[2:]])
del c
print('basic dead:', basic() is None)

# A weakref that dies before its referent never calls back, and leaves the list.
d = C()
w1 = weakref.ref(d, lambda w: print('w1 callback'))
w2 = weakref.ref(d, lambda w: print('w2 callback'))
del w1
print('count after w1 died:', weakref.getweakrefcount(d))
del d

# A callback that drops the last reference to another weakref's referent.
holder = {}


class E:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('__del__', self.n)


x = E(1)
holder['y'] = E(2)
wy = weakref.ref(holder['y'], lambda w: print('y callback'))
wx = weakref.ref(x, lambda w: (print('x callback'), holder.clear()))
del x
print('end', wy())
