data = [(1, ('a', 'b')), (2, ('c', 'd'))]
for n, (p, q) in data:
    print(n, p, q)
(a, (b, (c, d))) = (1, (2, (3, 4)))
print(a, b, c, d)
a, *b, (c, d) = 1, 2, 3, (4, 5)
print(a, b, c, d)
def swap(t):
    x, y = t
    return y, x
print(swap((1, 2)))
