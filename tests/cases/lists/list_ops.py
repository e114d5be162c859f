a = [1, 2]; b = [3]
print(a + b, a * 3, 2 * b, [0] * 0, a == [1, 2], a != b, a < b, [1, 2] < [1, 2, 3])
c = a
c += [9]
print(a, c is a)
c = c + [10]
print(a, c, c is a)
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
good = [[0] * 2 for _ in range(2)]
good[0][0] = 1
print(good)
print(list(), list('ab'), list(range(3)), list((1, 2)), list({'k': 1}))
print(len([]), bool([]), [None] * 3, [[]] * 2)
print(min([4, 2, 8]), max([4, 2, 8]), sum([1, 2, 3]), sum([[1], [2]], []))
