data = [3, 2, 1, 0]
inverse = lambda v: 1 / v
print([inverse(v) for v in data])
