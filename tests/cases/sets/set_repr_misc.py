print(set(), {1}, {(1, 2)}, {None}, {1.5}, {True}, {0, False})
print(repr({1, 2}), str(frozenset({3})), frozenset())
s = {1, 2, 3}
print(min(s), max(s), sum(s), sorted(s, reverse=True))
print(s == frozenset(s), s.copy() is s)
