d = {'x': 1, 'y': 2}
print(d.get('x'), d.get('z'), d.get('z', 0))
print(d.setdefault('x', 9), d.setdefault('w', 9), d)
print(d.pop('w'), d.pop('nope', 'dflt'), d)
d.update({'z': 3}, q=4)
d.update([('r', 5)])
print(d)
print(d.popitem(), d)
c = d.copy(); c['x'] = 100
print(d, c)
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0))
d.clear(); print(d)
