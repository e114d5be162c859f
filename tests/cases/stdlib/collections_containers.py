from collections import defaultdict, Counter, OrderedDict, ChainMap

dd = defaultdict(int)
for ch in 'mississippi':
    dd[ch] += 1
print(dd)
print(sorted(dd.items()), dd['z'], len(dd), isinstance(dd, dict))
dl = defaultdict(list, {'a': [1]})
dl['b'].append(2)
print(dl, dl.default_factory, defaultdict().default_factory)
d0 = defaultdict(None)
try:
    d0['x']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(3)
except TypeError as e:
    print(e)
print(dl.copy(), type(dl.copy()).__name__)

c = Counter('abracadabra')
print(c)
print(c.most_common(2), c['a'], c['q'], c.total(), sorted(c.elements())[:6])
c2 = Counter(a=1, b=5)
print(c + c2, c - c2, c2 - c, c & c2, c | c2)
c.update('aaz'); c.subtract({'b': 2})
print(c, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
print(Counter(), Counter({'x': 3}) == Counter(x=3), Counter(a=1) == Counter(a=1, b=0))
del c['nothere']
print(len(c), list(Counter('bca')))

od = OrderedDict([('x', 1), ('y', 2), ('z', 3)])
od.move_to_end('x')
print(od, list(od.keys()))
od.move_to_end('z', last=False)
print(od, od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
print(OrderedDict(), repr(OrderedDict.fromkeys('ab', 0)), list(reversed(OrderedDict.fromkeys('abc'))))

base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm['a'], cm['b'], cm['c'], len(cm), sorted(cm), cm.get('zz', 'dflt'), 'a' in cm)
cm['a'] = 100
print(over, base, cm)
child = cm.new_child({'d': 4})
print(child['d'], child.parents == cm, child.maps[0])
try:
    del cm['b'] ; del cm['b']
except KeyError as e:
    print('KeyError', e)
