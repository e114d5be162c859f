print(len('abc'), len([1]), len(()), len({1: 2}), len({1, 2, 3}), len(range(5)), len(b'ab'))
print(sorted([3, 1, 2]), sorted('cab'), sorted({'b': 1, 'a': 2}), sorted((2, 1), reverse=True))
print(sorted(['a', 'B', 'c'], key=str.lower), sorted([-3, 2, -1], key=abs))
print(list(reversed([1, 2, 3])), list(reversed('ab')), list(reversed(range(3))), list(reversed((1, 2))))
class R:
    def __reversed__(self): return iter([9, 8])
print(list(reversed(R())))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
