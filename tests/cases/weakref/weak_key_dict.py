# WeakKeyDictionary: entries vanish when the key dies.
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'K(%d)' % self.n


wk = weakref.WeakKeyDictionary()
k1, k2, k3 = K(1), K(2), K(3)
wk[k1] = 'one'
wk[k2] = 'two'
wk[k3] = 'three'
print(len(wk), wk[k1], k1 in wk, 5 in wk, wk.get(k2))
try:
    wk.get(5, 'no')
except TypeError as e:
    print('TypeError:', e)
del k1
print(len(wk), sorted(wk.values()))

it = iter(wk.items())
first = next(it)
print('first:', first)
del first, k2
print('len during iteration:', len(wk))
print('rest:', [v for k, v in it])
print('len after:', len(wk), len(wk.data))

k4 = K(4)
wk.setdefault(k4, []).append(1)
print(wk[k4], len(wk.keyrefs()), all(isinstance(r, weakref.ref) for r in wk.keyrefs()))
print(wk.pop(k4), wk.pop(k4, 'gone'), len(wk))
wk.update({k4: 4}, )
wk.update([(K(5), 'dies at once')])
print(list(wk.items()) == [(k3, 'three'), (k4, 4)])
wk2 = wk.copy()
print(type(wk2).__name__, len(wk2), wk2[k3])
wk3 = wk | {k3: 'new'}
print(wk3[k3], wk[k3])
del wk[k3]
print(k3 in wk, len(wk))
try:
    wk[k3]
except KeyError:
    print('KeyError')
try:
    wk[1] = 2
except TypeError as e:
    print('TypeError:', e)
print(wk.popitem() == (k4, 4), len(wk))
print(repr(wk).startswith('<WeakKeyDictionary at 0x'))

# The same entry seen through equal keys.
class E:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __hash__(self):
        return hash(self.v)


e1, e2 = E(1), E(1)
wk[e1] = 'first'
wk[e2] = 'second'
print(len(wk), wk[e1])
del e1
print(len(wk))
