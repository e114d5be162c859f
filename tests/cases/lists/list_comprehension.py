print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(3)] for i in range(3)])
print([c.upper() for c in 'abc'])
x = 'outer'
print([x for x in range(2)], x)
print([f(2) for f in [lambda v: v + 1, lambda v: v * 10]])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
