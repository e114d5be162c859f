d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(list(k), list(v), list(it))
d['d'] = 4
print(len(k), list(v), ('d', 4) in it, 'a' in k, 3 in v)
print(k & {'a', 'x'}, sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}))
print(sorted(d.items(), key=lambda kv: -kv[1]))
print(reversed(d).__class__.__name__, list(reversed(d)), list(reversed(d.values())))
