# What gc.collect() returns and when finalizers run (GC-8..GC-11; checks
# C09-C16).
import gc

gc.collect()
a = []
a.append(a)
del a
print(gc.collect())


class Node:
    pass


a = Node()
b = Node()
a.peer = b
b.peer = a
del a, b
print(gc.collect())

# Three instances in a ring, one list, one dict in the ring too.
r1, r2, r3 = Node(), Node(), Node()
r1.n, r2.n, r3.n = r2, r3, [{"back": r1}]
del r1, r2, r3
print(gc.collect())

# An instance whose __dict__ Python code has seen: the dict is an object.
s = Node()
s.me = s
print(type(vars(s)).__name__)
del s
print(gc.collect())

gc.disable()
a = []
a.append(a)
del a
print(gc.isenabled(), gc.collect())
gc.enable()


class F:
    def __del__(self):
        print("__del__ runs")


f = F()
f.self = f
del f
print(gc.collect(), gc.garbage)
print(gc.collect())

keep = []


class R:
    def __del__(self):
        keep.append(self)
        print("resurrected")


r = R()
r.self = r
del r
print(gc.collect(), len(keep), gc.is_finalized(keep[0]))
keep[0].self = None
keep.clear()
print(gc.collect())


class G:
    def __del__(self):
        print("inner collect ->", gc.collect())


g = G()
g.self = g
del g
print("outer collect ->", gc.collect())


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n, "partner alive:", self.p.n)


a = A(1)
b = A(2)
a.p = b
b.p = a
del a, b
print(gc.collect())

print(gc.is_finalized(object()))


class C:
    def __del__(self):
        pass


c = C()
print(gc.is_finalized(c))

# Surviving objects are not collected; collecting a young generation leaves
# older garbage alone.
x = [1]
x.append(x)
gc.collect()
del x
print(gc.collect(0), gc.collect(1), gc.collect(2))

# A resurrected object keeps its partner alive and gets __del__ only once.
saved = []


class Once:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name)
        if self.name == "first":
            saved.append(self)


p = Once("first")
q = Once("second")
p.q = q
q.p = p
del p, q
print(gc.collect(), len(saved))
saved.clear()
print(gc.collect())
