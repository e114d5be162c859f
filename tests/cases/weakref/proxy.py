# weakref.proxy forwards operations to its referent.
import weakref


class V:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return V(self.v + (o.v if isinstance(o, V) else o))

    def __radd__(self, o):
        return V(o + self.v)

    def __mul__(self, o):
        return self.v * o

    def __sub__(self, o):
        return self.v - o

    def __neg__(self):
        return -self.v

    def __eq__(self, o):
        return isinstance(o, V) and o.v == self.v

    def __lt__(self, o):
        return self.v < o.v

    __hash__ = object.__hash__

    def __len__(self):
        return 3

    def __getitem__(self, k):
        return k * 10

    def __setitem__(self, k, v):
        print('setitem', k, v)

    def __delitem__(self, k):
        print('delitem', k)

    def __contains__(self, k):
        return k == 'x'

    def __iter__(self):
        return iter(range(self.v))

    def __bool__(self):
        return self.v != 0

    def __str__(self):
        return 'V(%d)' % self.v

    def method(self, a):
        return ('method', self.v, a)


class Caller:
    def __call__(self, *a, **k):
        return ('called', a, sorted(k.items()))


v = V(2)
p = weakref.proxy(v)
print(type(p).__name__, type(p) is weakref.ProxyType, p is weakref.proxy(v))
print(p.v, p.method(5), str(p), len(p), p[4], 'x' in p, 'y' in p, list(p), bool(p))
print((p + 1).v, (1 + p).v, (p + p).v, p * 3, p - 1, -p)
print(p == V(2), p != V(2), p < V(3), p == v)
p[1] = 'a'
del p[2]
p.w = 7
print(v.w)
del p.w
print(hasattr(v, 'w'))
pc = weakref.proxy(v, lambda w: print('proxy callback', type(w).__name__))
print(pc is not p, weakref.getweakrefcount(v))
try:
    hash(p)
except TypeError as e:
    print('TypeError:', e)

c = Caller()
cp = weakref.proxy(c)
print(type(cp).__name__, isinstance(cp, weakref.CallableProxyType), cp(1, 2, k=3))
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
print(repr(p).startswith('<weakproxy at 0x'), ' to V at 0x' in repr(p))

del v
for name, op in [('getattr', lambda: p.v), ('str', lambda: str(p)), ('add', lambda: p + 1),
                 ('radd', lambda: 1 + p), ('len', lambda: len(p)), ('bool', lambda: bool(p)),
                 ('getitem', lambda: p[0]), ('iter', lambda: iter(p)), ('eq', lambda: p == 1),
                 ('setattr', lambda: setattr(p, 'a', 1))]:
    try:
        op()
    except ReferenceError as e:
        print(name, 'ReferenceError:', e)
del c
try:
    cp()
except ReferenceError as e:
    print('call ReferenceError:', e)
print(' to NoneType at 0x' in repr(p))
