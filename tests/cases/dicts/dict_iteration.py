d = {'a': 1, 'b': 2, 'c': 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, '->', v)
print(sum(d.values()), max(d, key=d.get), sorted(d, reverse=True))
print([k for k, v in d.items() if v > 1])
print(list(enumerate(d)))
