# Subclasses of weakref.ref with extra attributes and __slots__.
import weakref


class Tagged(weakref.ref):
    def __init__(self, ob, callback=None, **annotations):
        super().__init__(ob, callback)
        self.__dict__.update(annotations)


class Keyed(weakref.ref):
    __slots__ = ('key',)

    def __new__(cls, ob, callback, key):
        self = super().__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class O:
    pass


o = O()
basic = weakref.ref(o)
t = Tagged(o, None, colour='red', size=3)
print(t.colour, t.size, t() is o, t is not basic, isinstance(t, weakref.ref))
print('subclass never shared:', Tagged(o) is not Tagged(o))
print('equal to the basic ref:', t == basic, hash(t) == hash(basic))
k = Keyed(o, lambda w: print('keyed callback for', w.key), 'the-key')
print(k.key, k() is o, weakref.getweakrefcount(o))
print('order:', [type(r).__name__ for r in weakref.getweakrefs(o)])
try:
    k.other = 1
except AttributeError:
    print('no __dict__ on a __slots__ subclass')
del o
print(t(), k(), k.key)


class Counting(weakref.ref):
    calls = 0

    def __call__(self):
        Counting.calls += 1
        return super().__call__()


o2 = O()
c = Counting(o2)
print(c() is o2, c() is o2, Counting.calls)
