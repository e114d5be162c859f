# WeakMethod: a weak reference to a bound method.
import weakref


class A:
    def __init__(self, n):
        self.n = n

    def m(self):
        return 'm of %d' % self.n


a = A(1)
wm = weakref.WeakMethod(a.m)
print(wm()(), wm() == a.m, wm().__self__ is a)
print('plain ref to a bound method dies at once:', weakref.ref(a.m)() is None)
same = weakref.WeakMethod(a.m)
print(wm == same, wm != same, hash(wm) == hash(same), wm is not same)
b = A(2)
print(wm == weakref.WeakMethod(b.m))
wm2 = weakref.WeakMethod(a.m, lambda w: print('callback, dead:', w() is None, w is wm2))
del a
print(wm(), wm2())
print('dead compare by identity:', wm == wm, wm == same)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print('TypeError:', e)

# The method's function dying also kills the WeakMethod.
class B:
    pass


def f(self):
    return 'f'


B.f = f
obj = B()
wf = weakref.WeakMethod(obj.f, lambda w: print('function gone'))
print(wf()())
del B.f, f
print(wf(), obj is not None)
