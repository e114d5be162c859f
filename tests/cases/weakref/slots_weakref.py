# __weakref__ on classes: present by default, removed by __slots__ unless
# listed, inherited from a base.
import weakref


class Plain:
    pass


class Slotted:
    __slots__ = ('a',)


class SlottedWeak:
    __slots__ = ('a', '__weakref__')


class Sub(Slotted):
    pass


class SubSlots(SlottedWeak):
    __slots__ = ('b',)


class AddLater(Slotted):
    __slots__ = ('b', '__weakref__')


p = Plain()
print('Plain:', p.__weakref__ is None)
r = weakref.ref(p)
print(p.__weakref__ is r, '__weakref__' in Plain.__dict__)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print('Slotted:', e)
print('has __weakref__ attr:', hasattr(Slotted(), '__weakref__'))
for cls in (SlottedWeak, Sub, SubSlots, AddLater):
    x = cls()
    x.a = 1
    if hasattr(cls, 'b'):
        x.b = 2
    w = weakref.ref(x)
    print(cls.__name__, w() is x, x.__weakref__ is w, x.a, getattr(x, 'b', None))
    del x
    print(cls.__name__, 'dead:', w() is None)
try:
    class Again(SlottedWeak):
        __slots__ = ('__weakref__',)
except TypeError as e:
    print('TypeError:', e)


class MyInt(int):
    pass


class MyStr(str):
    pass


try:
    weakref.ref(MyInt(3))
except TypeError as e:
    print('TypeError:', e)
print('str subclass:', weakref.ref(MyStr('s'))() is None)
s = MyStr('abc')
print(weakref.ref(s)() == 'abc')


class MySet(set):
    pass


ms = MySet([1])
print('set subclass:', weakref.ref(ms)() is ms, weakref.getweakrefcount(ms))
