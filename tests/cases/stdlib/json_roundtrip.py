import json
data = {'name': 'Ann', 'age': 30, 'tags': ['a', 'b'], 'ok': True, 'none': None, 'pi': 3.14159, 'big': 10**20, 'nested': {'x': [1, {'y': []}], 'e': {}}}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(',', ':')), json.dumps('héllo\n"q"\t\u2028😀'), json.dumps('héllo😀', ensure_ascii=False))
print(json.dumps([1.0, 1e100, -0.0, float('inf'), float('nan'), 1e-7]), json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd'}))
print(json.dumps((1, 2)), json.dumps(3), json.dumps(None), json.dumps([[]], indent=4), json.dumps({'a': [1, 2]}, indent='\t'))
s = json.dumps(data)
print(json.loads(s) == data, json.loads(' [1, 2.5, "x\\u00e9\\ud83d\\ude00", true, false, null, -3e2, {"k": {}}] '))
print(json.loads('{"a": 1, "a": 2}'), json.loads('"\\n\\\\\\/"'), json.loads('NaN'), json.loads('[-Infinity]'))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list), json.loads('{"v": 1.5}', parse_float=str), json.loads('{"x": 1}', object_hook=lambda d: sorted(d)))
for bad in ['', '[1,]', '{"a" 1}', '{a: 1}', '[1 2]', '"abc', '[1] x', '{"a": }', 'tru', '"\\x"', '\n\n  [', '{"a":1,}', '"a\nb"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e, e.pos, e.lineno, e.colno)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(e)
l = []; l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print(e)
print(json.dumps({1, 2} and [3], default=list), json.dumps({'s': {3}}, default=sorted), json.dumps({(1,): 2}, skipkeys=True))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)
print(json.dumps({'c': 1+2j}, cls=Enc), json.loads(b'[1]'), isinstance(json.JSONDecodeError('m', 'd', 0), ValueError))
