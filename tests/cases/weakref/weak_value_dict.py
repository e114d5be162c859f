# WeakValueDictionary: entries vanish when the value dies (refcount death),
# removals during iteration are deferred, the MutableMapping API.
import weakref


class O:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'O(%d)' % self.n


d = weakref.WeakValueDictionary()
a, b, c = O(1), O(2), O(3)
d['a'] = a
d['b'] = b
d['c'] = c
print(sorted(d.keys()), len(d), 'a' in d, d['a'], d.get('b'))
del a
print(sorted(d.keys()), len(d), 'a' in d, d.get('a', 'default'))
try:
    d['a']
except KeyError as e:
    print('KeyError', e)
try:
    d['missing']
except KeyError as e:
    print('KeyError', e)

# A value dying while iterating: removed when the iteration ends.
keys = iter(d.keys())
print(next(keys))
del b
print('entries during iteration:', len(d.data))
print('rest:', list(keys))
print('entries after:', len(d.data), len(d), sorted(d))

print(len(d.valuerefs()), [r() for r in d.itervaluerefs()], list(d.values()), list(d.items()))
d2 = d.copy()
print(type(d2).__name__, dict(d2.items()))
print(d.setdefault('z', c) is c, d.setdefault('z', None) is c, d.pop('z') is c, d.pop('zz', 7))
try:
    d.pop('zz')
except KeyError as e:
    print('KeyError', e)
e = O(9)
d3 = d | {'e': e}
print(type(d3).__name__, sorted(d3.keys()))
d4 = {'f': e} | d
print(type(d4).__name__, sorted(d4.keys()))
d |= {'g': e}
d.update(x=e)
d.update([('y', e)])
print(sorted(d))
del e, d3, d4
print(sorted(d))
print(d.popitem())
d.clear()
print(len(d), repr(d).startswith('<WeakValueDictionary at 0x'))
w = weakref.WeakValueDictionary({1: c}, two=c)
print(sorted(w.items(), key=str), w == {1: c, 'two': c})
try:
    weakref.WeakValueDictionary({1: 2})
except TypeError as e:
    print('TypeError:', e)
print(isinstance(w, __import__('collections').abc.MutableMapping))
