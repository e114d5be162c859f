# json.dumps / JSONEncoder with every option, on both of CPython's encoders:
# without indent (the C encoder) and with indent (the Python generators).
import json
from collections import OrderedDict


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


doc = {
    'name': 'Ann', 'age': 30, 'tags': ['a', 'b'], 'ok': True, 'no': False,
    'none': None, 'pi': 3.14159, 'big': 10 ** 30, 'neg': -7, 'tuple': (1, (2, 3)),
    'nested': {'x': [1, {'y': []}], 'e': {}}, 'text': 'h\u00e9llo\n"q"\t\\/\x00\x1f\x7f\u2028\U0001F600',
}

print(json.dumps(doc))
for indent in (None, 0, 2, -1, '\t', '--', True):
    print(repr(indent), json.dumps(doc, indent=indent))
for seps in ((',', ':'), (' , ', ' : '), ('', '')):
    print(repr(seps), json.dumps(doc, separators=seps))
    print(repr(seps), json.dumps(doc, separators=seps, indent=1))
print(json.dumps(doc, sort_keys=True))
print(json.dumps(doc, sort_keys=True, indent=3))
print(json.dumps(doc, ensure_ascii=False))
print(json.dumps(doc, ensure_ascii=False, indent=1))

# Scalars at the top level, and strings of every kind.
for v in ['', 'x', '\u00e9', '\U0001F600', '\x7f', 1, -1, 0, True, False, None, 2 ** 63, -2 ** 64, 0.5, [], {}, ()]:
    print(json.dumps(v), json.dumps(v, ensure_ascii=False), json.dumps(v, indent=2))
print(json.dumps(''.join(chr(c) for c in range(0, 0x80))))
print(json.dumps(''.join(chr(c) for c in range(0, 0x80)), ensure_ascii=False))

# Floats: repr digits, exponents, signed zero, non-finite values.
floats = [0.1, 1e16, 1e15, 1e-5, 1e-4, 123456789.125, -0.0, 5e-324, 1.7976931348623157e308, 2.5, 1 / 3, 1e22, 100.0]
print(json.dumps(floats))
print(json.dumps(floats, indent=1))
for ind in (None, 1):
    print(json.dumps([float('nan'), float('inf'), -float('inf')], indent=ind))
    print(json.dumps({float('nan'): 1, float('inf'): 2, 0.5: 3, -0.0: 4}, indent=ind))

# Dict keys: str, int, float, bool, None; skipkeys; sort_keys.
keys = {'s': 1, 2: 2, 2.5: 3, True: 4, None: 5, -3: 6, 10 ** 20: 7}
for ind in (None, 2):
    print(json.dumps(keys, indent=ind))
    print(json.dumps({(1, 2): 'skip', 'a': 1, (3,): 'skip', 'b': 2}, skipkeys=True, indent=ind))
    print(json.dumps({(1,): 1}, skipkeys=True, indent=ind))
    print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True, indent=ind))
    print(json.dumps({3: 'c', 1: 'a', 2.5: 'b'}, sort_keys=True, indent=ind))
    print(json.dumps({'\u00e9': 1, 'e': 2, 'z': 3, '\U0001F600': 4, 'E': 5}, sort_keys=True, indent=ind))
    print(json.dumps(OrderedDict([('z', 1), ('a', 2)]), indent=ind))
    print(json.dumps(OrderedDict([('z', 1), ('a', 2)]), sort_keys=True, indent=ind))

# default= and JSONEncoder subclasses.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def point_default(o):
    if isinstance(o, Point):
        return {'x': o.x, 'y': o.y}
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    raise TypeError('no: ' + type(o).__name__)


for ind in (None, 2):
    print(json.dumps([Point(1, 2), {'p': Point(3, Point(4, 5))}, {3, 1, 2}], default=point_default, indent=ind))
    print(json.dumps(Point(0, [frozenset({9})]), default=point_default, indent=ind))


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({'s': {3, 1, 2}}, cls=SetEncoder))
print(SetEncoder(indent=1, sort_keys=True).encode({'s': {3, 1}, 'a': None}))
print(json.JSONEncoder().encode('caf\u00e9'), json.JSONEncoder(ensure_ascii=False).encode('caf\u00e9'))
print(json.JSONEncoder(separators=(';', '=')).encode({'a': [1, 2]}))


# Subclasses of the builtin types.
class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'


class MyInt(int):
    def __repr__(self):
        return 'MyInt!'


class MyStr(str):
    pass


class IterList(list):
    def __iter__(self):
        return iter(['iter'])


class FalseList(list):
    def __len__(self):
        return 0


class ItemsDict(dict):
    def items(self):
        return [('from_items', 1)]


class FalseDict(dict):
    def __bool__(self):
        return False


class MyTuple(tuple):
    pass


subs = [MyFloat(1.5), MyInt(7), MyStr('s'), {MyFloat(2.5): 1, MyInt(3): 2, MyStr('k'): 3}, MyTuple((1, 2))]
print(json.dumps(subs))
print(json.dumps(subs, indent=1))
for o in [IterList([1, 2]), FalseList([1, 2]), ItemsDict(a=1), FalseDict(a=1), ItemsDict()]:
    print(type(o).__name__, json.dumps(o), json.dumps(o, sort_keys=True), json.dumps(o, indent=1))

# check_circular=False on shared (not circular) structures.
shared = [1, 2]
print(json.dumps([shared, shared, {'a': shared}], check_circular=False))
print(json.dumps([shared, shared], check_circular=False, indent=1))

# A default hook that mutates the container being encoded.
for ind in (None, 1):
    items = [1, object(), 3]
    print(json.dumps(items, default=lambda o: items.append(4) or 'X', indent=ind))

# iterencode chunks and json.dump's writes.
for ind in (None, 2):
    print(list(json.JSONEncoder(indent=ind).iterencode({'a': [1, 'x', {'b': None}], 'c': {}, 'd': []})))
    print(json.JSONEncoder(indent=ind).iterencode([1], _one_shot=True).__class__.__name__)


class Writer:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


for kw in ({}, {'indent': 1}, {'sort_keys': True, 'separators': (',', ':')}):
    w = Writer()
    json.dump({'b': [1, 2, {'c': 'd'}], 'a': 1.5}, w, **kw)
    print(len(w.parts), ''.join(w.parts))

# Large structure round trip.
big = [{'i': i, 'f': i / 7, 's': str(i) * (i % 5), 'l': list(range(i % 4))} for i in range(200)]
text = json.dumps(big, sort_keys=True, indent=1)
print(len(text), json.loads(text) == big, len(json.dumps(big)), len(json.dumps(big, ensure_ascii=False)))
