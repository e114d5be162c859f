class Range2:
    def __init__(self, n): self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n): self.i = 0; self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * 2
r = Range2(4)
print(list(r), list(r), sum(r), max(r), 4 in r, 5 in r)
it = iter(r)
print(next(it), next(it), next(it), next(it), next(it, 'done'))
a, b, *c = Range2(5)
print(a, b, c, sorted(Range2(3), reverse=True), dict(zip(Range2(2), 'ab')))
