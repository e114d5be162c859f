# WeakSet.
import weakref


class O:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'O(%d)' % self.n


ws = weakref.WeakSet()
x, y, z = O(1), O(2), O(3)
ws.add(x)
ws.add(y)
ws.add(x)
print(len(ws), x in ws, z in ws, 3 in ws)
del x
print(len(ws), list(ws))
ws.add(z)
it = iter(ws)
got = next(it)
if got is y:
    # The iterator keeps the item it gave last (set order follows
    # addresses): move it on to z, so that y can die mid-iteration.
    got = next(it)
del got, y
print('len during iteration:', len(ws))
print('rest:', len(list(it)), 'len after:', len(ws))
print(list(ws))
a, b = O(4), O(5)
s1 = weakref.WeakSet([a, b])
s2 = weakref.WeakSet([b, z])
print(sorted(o.n for o in s1 | s2), sorted(o.n for o in s1 & s2), sorted(o.n for o in s1 - s2),
      sorted(o.n for o in s1 ^ s2))
print(s1 == weakref.WeakSet([b, a]), s1 <= s1, s1 < s1, s1.issuperset([a]), s1.isdisjoint(s2))
s1.discard(a)
s1.discard(O(9))
try:
    s1.remove(O(9))
except KeyError:
    print('KeyError')
print(len(s1), s1.pop() is b, len(s1))
try:
    s1.pop()
except KeyError as e:
    print('KeyError', e)
s3 = s2.copy()
del b
print(len(s2), len(s3), type(s3).__name__)
print(isinstance(ws, __import__('collections').abc.MutableSet))
try:
    ws.add(1)
except TypeError as e:
    print('TypeError:', e)
try:
    hash(ws)
except TypeError as e:
    print('TypeError:', e)
