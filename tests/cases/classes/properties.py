class Temp:
    def __init__(self, c): self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273.15:
            raise ValueError('too cold')
        self._c = v
    @c.deleter
    def c(self):
        print('deleting'); del self._c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
t = Temp(100)
print(t.c, t.f)
t.c = 0
print(t.c, t.f)
try:
    t.c = -300
except ValueError as e:
    print(e)
try:
    t.f = 1
except AttributeError as e:
    print(e)
del t.c
print(hasattr(t, '_c'), type(Temp.c).__name__)
class P2:
    x = property(lambda self: 'computed', doc='the doc')
print(P2().x, P2.x.__doc__)

# Error messages name a property by its __set_name__ name, if it had one.
class A:
    @property
    def x(self): return 1
    y = property(lambda s: 2)
a = A()
for attr in 'xy':
    try: setattr(a, attr, 1)
    except AttributeError as e: print(e)
    try: delattr(a, attr)
    except AttributeError as e: print(e)
class B(A): pass
try: B().x = 3
except AttributeError as e: print(e)
class C:
    @property
    def v(self): return 0
    @v.setter
    def v(self, val): pass
try: del C().v
except AttributeError as e: print(e)
p = property()
try: p.__get__(1)
except AttributeError as e: print(e)
