import sys
for v in (0, 1, 2**30 - 1, 2**30, 2**60, 2**100, -1, 1.0, '', 'a', 'abc', 'é', '€', b'', b'abc', [], [1, 2, 3], (), (1, 2, 3), {}, {'a': 1}, set(), {1, 2, 3}, None, True, 1j):
    print(repr(v), sys.getsizeof(v))
print(sys.getsizeof(object()))
class A: pass
class S:
    __slots__ = ('a', 'b')
a = A(); a.x = 1
print(sys.getsizeof(A()), sys.getsizeof(a), sys.getsizeof(S()))
l = []
sizes = []
for i in range(17):
    sizes.append(sys.getsizeof(l)); l.append(i)
print(sizes)
print(sys.getsizeof({1, 2, 3, 4}), sys.getsizeof({1, 2, 3, 4, 5}))
