# weakref.ref: sharing of the basic ref, callbacks, equality, hashing, repr.
import weakref


class C:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, C) and self.v == other.v

    def __hash__(self):
        return hash(('C', self.v))


a = C(1)
r1 = weakref.ref(a)
r2 = weakref.ref(a)
print('shared basic ref:', r1 is r2)
r3 = weakref.ref(a, None)
print('callback None shares too:', r3 is r1)
cb = lambda w: None
r4 = weakref.ref(a, cb)
r5 = weakref.ref(a, cb)
print('with callback always new:', r4 is not r5, r4 is not r1)
print('__callback__:', r1.__callback__, r4.__callback__ is cb)
print('count:', weakref.getweakrefcount(a), 'refs:', len(weakref.getweakrefs(a)))
print('getweakrefs order:', [r is r1 for r in weakref.getweakrefs(a)].index(True))
print('call:', r1() is a, type(r1) is weakref.ReferenceType, type(r1).__name__)
print(weakref.ref, weakref.ReferenceType.__module__)

b = C(1)
rb = weakref.ref(b)
print('equal referents -> equal refs:', r1 == rb, r1 != rb)
c = C(2)
rc = weakref.ref(c)
print('different referents:', r1 == rc, r1 != rc)
print('hash is the referent hash:', hash(r1) == hash(a), hash(rb) == hash(b))
print('compare with non-ref:', r1 == a, r1 != 5)

s = repr(r1)
print('repr live:', s.startswith('<weakref at 0x'), "; to 'C' at 0x" in s, s.endswith('>'))


def func():
    pass


print('repr with __name__:', repr(weakref.ref(func)).endswith('(func)>'), "to 'function'" in repr(weakref.ref(func)))

h = hash(rc)
del c
print('dead ref call:', rc())
print('dead repr:', repr(rc).endswith('; dead>'))
print('hash of dead ref hashed before:', hash(rc) == h)
rd = weakref.ref(b, cb)
del b
try:
    hash(rd)
except TypeError as e:
    print('TypeError:', e)
print('dead refs compare by identity:', rb == rb, rb == rd, rb != rd)
print('dead vs live:', rb == r1)

try:
    r1(1)
except TypeError as e:
    print('TypeError:', e)
try:
    weakref.ref()
except TypeError as e:
    print('TypeError:', e)
try:
    weakref.ref(a, None, 3)
except TypeError as e:
    print('TypeError:', e)
try:
    weakref.ref(r1)
except TypeError as e:
    print('TypeError:', e)
d = {r1: 'x'}
print('usable as dict key:', d[weakref.ref(a)])
