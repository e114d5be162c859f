print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('abc'), min((2, 'a'), (1, 'z')))
print(min([], default='empty'), max([], default=None), max([1, 5, 3], key=lambda v: -v))
print(max(['aa', 'b', 'ccc'], key=len), min({'x': 3, 'y': 1}, key=lambda k: {'x': 3, 'y': 1}[k]))
print(max([1, 3, 3, 2], key=lambda v: v // 2), min([2, 1, 1.0]))
try:
    min([])
except ValueError as e:
    print(e)
try:
    max()
except TypeError as e:
    print(e)
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum(range(10), 100), sum([[1], [2]], []), sum(()), sum([0.1] * 10))
