a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([9], (8,)), a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({7}))
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} == {1})
c = set(a)
c |= {10}; print(c)
c &= {1, 10, 11}; print(c)
c -= {1}; print(c)
c ^= {10, 20}; print(c)
a.update([7, 8]); print(a)
a.intersection_update(range(5)); print(a)
a.difference_update({0, 1}); print(a)
