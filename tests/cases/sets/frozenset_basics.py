f = frozenset([3, 1, 2])
print(f, len(f), 1 in f, type(f).__name__)
print(f | {4}, f & {1, 9}, {1, 2} | f, type({1} | f).__name__, type(f | {1}).__name__)
print(frozenset(), frozenset('aa') == frozenset('a'), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
d = {f: 'value'}
print(d[frozenset([1, 2, 3])])
try:
    f.add(1)
except AttributeError as e:
    print(e)
print({frozenset([1]), frozenset([1])}, frozenset([1]) == {1})
