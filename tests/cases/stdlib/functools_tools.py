import functools
from functools import partial, reduce, wraps, lru_cache, cache, total_ordering, cmp_to_key, cached_property

p = partial(int, base=16)
print(p, p('ff'), p.func is int, p.args, p.keywords)
def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
q = partial(f, 1)
r = partial(q, 2, d=5)
print(r(), r(c=9), r.args, r.keywords, r.func is f)
print(repr(partial(f, 1, 'x', d=[1])).startswith('functools.partial(<function f at '))

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k) * 2
    return inner

@deco
def double_me(x):
    "doc string"
    return x
print(double_me(21), double_me.__name__, double_me.__doc__, double_me.__wrapped__(5))

calls = []
@lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n
print([sq(i) for i in (1, 2, 1, 3, 2, 1)], calls)
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info())

@cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
print(fact(30), fact.cache_info().hits, fact.cache_info().misses)

@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __gt__(self, o): return self.v > o.v
print(V(1) < V(2), V(2) <= V(2), V(3) >= V(4), sorted([V(3), V(1), V(2)], key=lambda x: x).__len__())

def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([5, 2, 9, 1], key=cmp_to_key(lambda a, b: cmp(b, a))))

class Data:
    def __init__(self):
        self.n = 0
    @cached_property
    def value(self):
        self.n += 1
        return 42
d = Data()
print(d.value, d.value, d.n, 'value' in d.__dict__)
