from collections import defaultdict, Counter, OrderedDict
dd = defaultdict(list)
for w in 'one two three four five six'.split():
    dd[len(w)].append(w)
print(dict(dd), dd[7], len(dd))
c = Counter('abracadabra')
print(c.most_common(3), c['a'], c['z'])
print(sorted(c.items()))
od = OrderedDict()
od['b'] = 1; od['a'] = 2
od.move_to_end('b')
print(list(od), od)
