names = ['a', 'b', 'c']
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, start=10):
    print(i, n)
print(list(zip(names, [1, 2, 3], 'xyz')))
print(list(zip(names, [1])), list(zip()), list(zip('ab')))
for a, b in zip(range(3), range(10, 13)):
    print(a + b)
print(dict(zip(names, range(3))))
pairs = [(1, 'one'), (2, 'two')]
nums, words = zip(*pairs)
print(nums, words)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
