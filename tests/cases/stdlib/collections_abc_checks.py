from collections.abc import (Iterable, Iterator, Sized, Container, Hashable,
    Mapping, MutableMapping, Sequence, MutableSequence, Set, MutableSet,
    Generator, Collection, Reversible)

def gen():
    yield 1

for obj in ([], (), {}, set(), frozenset(), 'abc', b'x', range(3), iter([]), gen(), 5, None):
    print(type(obj).__name__, [isinstance(obj, abc).__repr__()[0] for abc in
          (Iterable, Iterator, Sized, Container, Hashable, Mapping, MutableMapping,
           Sequence, MutableSequence, Set, MutableSet, Generator, Collection, Reversible)])

class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

print(isinstance(Countdown(2), Iterator), issubclass(Countdown, Iterable), issubclass(Countdown, Sized))

class MyMap(Mapping):
    def __init__(self, **kw): self._d = kw
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)

m = MyMap(a=1, b=2)
print(m['a'], m.get('z', 0), 'b' in m, sorted(m.keys()), sorted(m.values()), sorted(m.items()), m == {'a': 1, 'b': 2})
print(isinstance(m, Mapping), isinstance(m, MutableMapping), len(m))

class MySeq(Sequence):
    def __init__(self, *items): self._items = items
    def __getitem__(self, i): return self._items[i]
    def __len__(self): return len(self._items)

s = MySeq(3, 1, 4, 1)
print(list(s), 4 in s, s.index(1), s.count(1), list(reversed(s)))

class Bag(MutableSet):
    def __init__(self, it=()): self._s = set(it)
    def __contains__(self, x): return x in self._s
    def __iter__(self): return iter(sorted(self._s))
    def __len__(self): return len(self._s)
    def add(self, x): self._s.add(x)
    def discard(self, x): self._s.discard(x)

b = Bag([1, 2, 3])
b |= {4}
b -= {1}
print(list(b), list(b & Bag([2, 9])), b <= Bag(range(10)), b.isdisjoint({7}))
try:
    MyMap.__abstractmethods__ and None
    class Bad(Sequence): pass
    Bad()
except TypeError as e:
    print(e)
