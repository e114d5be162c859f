l = [1, 'two', 3.0, None, [4, [5]], (6,), {'7': 8}]
print(l)
print(repr(l), str(l))
r = [1, 2]
r.append(r)
print(r)
print(['é', '\n', "'"], [b'x'])
