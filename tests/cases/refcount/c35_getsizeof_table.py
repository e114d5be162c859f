import sys
for v in (0, 1, 2**30 - 1, 2**30, 2**60, 2**100, -1, 1.0, '', 'a', 'abc', b'', b'abc', [], [1, 2, 3], (), (1, 2, 3), {}, {'a': 1}, set(), {1, 2, 3}, None, True):
    print(repr(v), sys.getsizeof(v))
print(sys.getsizeof(object()))
