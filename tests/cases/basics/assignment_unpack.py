a, b = 1, 2
a, b = b, a
print(a, b)
x, *rest = [1, 2, 3, 4]
print(x, rest)
*init, last = 'hello'
print(init, last)
first, *mid, end = range(5)
print(first, mid, end)
(p, q), r = (1, 2), 3
print(p, q, r)
a = b = c = [0]
a.append(1)
print(a, b, c)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
m, n = 'xy'
print(m, n)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
