print(list(range(5)), list(range(2, 8)), list(range(1, 10, 3)), list(range(10, 0, -2)), list(range(0)))
print(list(range(5, 2)), list(range(-3, 3)), list(range(0, -10, -3)))
r = range(0, 20, 3)
print(r, len(r), r[2], r[-1], r[1:4], 9 in r, 10 in r, r.index(9), r.count(3))
print(range(3) == range(0, 3), list(reversed(range(4))), sum(range(101)))
print(range(10**12)[10**11], len(range(0, 10**12, 7)))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
