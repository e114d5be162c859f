import functools
@functools.total_ordering
class Ver:
    def __init__(self, s): self.t = tuple(int(x) for x in s.split('.'))
    def __eq__(self, o): return self.t == o.t
    def __lt__(self, o): return self.t < o.t
    def __repr__(self): return 'Ver(' + '.'.join(map(str, self.t)) + ')'
vs = [Ver('1.10'), Ver('1.2'), Ver('1.2.1'), Ver('0.9')]
print(sorted(vs), max(vs), Ver('1.0') >= Ver('0.9'), Ver('1.0') <= Ver('0.9'))
class Cmp:
    def __init__(self, v): self.v = v
    def __le__(self, o): return self.v <= o.v
    def __ge__(self, o): return self.v >= o.v
print(Cmp(1) <= Cmp(2), Cmp(1) >= Cmp(2))
try:
    Cmp(1) < Cmp(2)
except TypeError as e:
    print(e)
