# Attributes of plain class instances: kept as inline values until
# __dict__ is asked for, with the order, deletion, growth and release
# behaviour of CPython 3.11's managed dicts.
import gc
import sys


class A:
    def __init__(self):
        self.x = 1
        self.y = 2


a, b = A(), A()
b.z = 3
del b.x
b.x = 9
print(a.__dict__, b.__dict__, vars(a))
c = A()
c.w = 5
print(c.x, c.w, hasattr(c, 'q'), getattr(c, 'q', 'default'))
del c.y
try:
    del c.y
except AttributeError as e:
    print('AttributeError:', e)
try:
    c.y
except AttributeError as e:
    print('AttributeError:', e)
print(c.__dict__)

# More names than a class shares (30): the instance gets a dict.
for i in range(40):
    setattr(c, 'k%d' % i, i)
print(len(c.__dict__), c.k39, c.k0)
d = A()
for i in range(40):
    setattr(d, 'k%d' % i, i)
print(list(d.__dict__)[:5], len(vars(d)), d.k35)
del d.k35
print(hasattr(d, 'k35'), len(vars(d)))

# Instances that set attributes in different orders keep their own order.
class P:
    pass


p, q = P(), P()
p.a, p.b, p.c = 1, 2, 3
q.c, q.a = 30, 10
q.b = 20
print(list(vars(p)), list(vars(q)))

# __dict__ stays the attribute storage once seen.
dd = p.__dict__
p.d = 4
dd['e'] = 5
print(p.e, dd)
p.__dict__ = {'only': 1}
print(vars(p), hasattr(p, 'a'))
try:
    p.__dict__ = []
except TypeError as e:
    print('TypeError:', e)
del p.__dict__
print(vars(p))
p.z = 26
print(vars(p))

# Subclasses, __class__ assignment.
class B(A):
    pass


e = B()
e.q = 1
print(e.__dict__)
e.__class__ = A
print(type(e).__name__, e.__dict__, e.x)
f = A()
f.__class__ = B
f.r = 7
print(type(f).__name__, vars(f))

# Names that are str subclasses.
class S(str):
    pass


m = P()
setattr(m, S('hi'), 3)
print(m.hi, m.__dict__)
n = P()
n.hi = 1
print(getattr(n, S('hi')))

# A cycle through inline values is found by the collector.
class N:
    pass


gc.collect()
n = N()
n.me = n
del n
print('collected', gc.collect())
n = N()
n.v = [n]
print(gc.get_referents(n) == [n.v, N])
del n
gc.collect()

# Values are released in the order their names were first used by the
# class, as CPython's deallocator does.
class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name)


o = N()
o.b = D('b1')
o.a = D('a1')
o2 = N()
o2.a = D('a2')
o2.b = D('b2')
o2.a = 0
print('replaced')
o2.a = D('a3')
del o
print('---')
del o2
print('end')

print(sys.getsizeof(A()) == sys.getsizeof(P()))
print(dir(a)[-2:])
