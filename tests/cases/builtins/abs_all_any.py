print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True), abs(-10**20))
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, '']), any([0, 'x']))
print(all(x > 0 for x in [1, 2]), any(c.isdigit() for c in 'ab3'))
