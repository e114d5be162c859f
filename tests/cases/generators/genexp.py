g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ['a', 'abc', 'ab']))
print(list(x for x in range(10) if x % 3 == 0), any(x > 3 for x in [1, 5]), all(x for x in []))
pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs))
print(dict((k, len(k)) for k in ['aa', 'b']), tuple(c for c in 'hi'), sorted((x for x in [3, 1, 2]), reverse=True))
x = 10
g2 = (x + i for i in range(3))
x = 100
print(list(g2))
