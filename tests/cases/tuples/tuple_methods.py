t = (5, 3, 5, 1, 5)
print(t.count(5), t.index(5), t.index(5, 1), t.index(1))
try:
    t.index(9)
except ValueError as e:
    print(e)
print(sum(t), sorted(t), tuple(sorted(t)), tuple(reversed(t)))
print(tuple(x * 2 for x in t))
