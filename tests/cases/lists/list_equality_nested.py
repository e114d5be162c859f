a = [[1, 2], [3, [4, 5]]]
b = [[1, 2], [3, [4, 5]]]
print(a == b, a is b, a[1][1] == b[1][1])
b[1][1].append(6)
print(a == b, a < b, a > b)
print([1, 2, 3] > [1, 2], [2] > [1, 9, 9], [] < [0])
print([float('nan')] == [float('nan')])
