d = {'b': 1, 'a': 2}
d['c'] = 3
print(d, len(d), d['a'], 'a' in d, 'z' in d, 2 in d)
d['b'] = 10
print(d)
del d['a']
print(d)
d['a'] = 0
print(d, list(d))
print(dict(), dict(x=1, y=2), dict([('k', 'v'), (1, 2)]), dict({'a': 1}, b=2))
print({1: 'int', 1.0: 'float', True: 'bool'})
