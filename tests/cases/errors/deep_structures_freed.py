class Slot:
    __slots__ = ('next',)
x = None
for i in range(100000):
    s = Slot(); s.next = x; x = s
del x, s
print('slotted chain freed')
d = None
for i in range(100000):
    d = [d, (d,)]
del d
print('mixed list/tuple chain freed')
x = None
for i in range(100000):
    x = {'k': [x]}
del x
print('dict/list chain freed')
x = None
for i in range(100000):
    x = frozenset([(x,)]) if i % 2 else (x,)
del x
print('frozenset/tuple chain freed')
