# Which objects the collector tracks (GC-1), tuple untracking (GC-2) and dict
# tracking (GC-3); checks C17-C20.
import gc

print([gc.is_tracked(x) for x in (1, 1.5, "a", b"a", None, [], {}, set(), frozenset(), object(), lambda: 0, ([],))])
print(gc.is_tracked(()), gc.is_tracked(int), gc.is_tracked(type), gc.is_tracked(range(3)), gc.is_tracked(slice(1, 2)))


class C:
    pass


class S:
    __slots__ = ()


print(gc.is_tracked(C), gc.is_tracked(C()), gc.is_tracked(S()), gc.is_tracked(gc), gc.is_tracked(iter([])))

t = tuple([1, "a"])
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
u = tuple([1, []])
gc.collect()
print(gc.is_tracked(u))
# An outer tuple examined before its inner one stays tracked for one more collection.
inner = tuple([1, 2])
outer = tuple([inner, 3])
gc.collect()
print(gc.is_tracked(inner), gc.is_tracked(outer))
gc.collect()
print(gc.is_tracked(inner), gc.is_tracked(outer))

d = {}
print(gc.is_tracked(d))
d["a"] = 1
print(gc.is_tracked(d))
d["b"] = []
print(gc.is_tracked(d))
del d["b"]
print(gc.is_tracked(d))
gc.collect(0)
print(gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(d))
d2 = {"t": (1, 2)}
print(gc.is_tracked(d2))
d3 = {(): 1, 1: ()}
print(gc.is_tracked(d3))
d4 = dict(a=[1])
print(gc.is_tracked(d4))

c = C()
print(gc.is_tracked(c), gc.is_tracked(c.__dict__))
c2 = C()
c2.x = []
print(gc.is_tracked(c2.__dict__))
c3 = C()
c3.n = 1
print(gc.is_tracked(c3.__dict__))
c3.m = C()
print(gc.is_tracked(c3.__dict__))
