d = {}
for k in ['zeta', 'alpha', 'mid', 'beta']:
    d[k] = len(k)
print(list(d))
del d['alpha']
d['alpha'] = 0
print(list(d))
d['zeta'] = 99
print(d)
e = {i: i for i in range(10, 0, -1)}
print(e)
print(dict(sorted(d.items())))
print(d == {'beta': 4, 'mid': 3, 'alpha': 0, 'zeta': 99})
