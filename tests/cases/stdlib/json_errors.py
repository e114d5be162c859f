# The exceptions of json: JSONDecodeError (message, msg, doc, pos, lineno,
# colno) for every decoding error, and the encoder's TypeError, ValueError
# and RecursionError messages, without and with indent.
import json
import sys


def decode_error(doc, **kw):
    try:
        json.loads(doc, **kw)
    except json.JSONDecodeError as e:
        assert e.doc == doc and isinstance(e, ValueError)
        print(repr(doc)[:40], '->', e, '|', repr(e.msg), e.pos, e.lineno, e.colno)
    else:
        print(repr(doc)[:40], '-> no error')


bad = ['', ' ', '\n\n  ', 'x', '-', '-x', '+1', '.5', '01', '1.', '1e', '1e+', '1.5e', '1 2', '[1] x', '{} {}',
       'nul', 'tru', 'fals', 'nan', 'inf', '-Inf', 'Infinit', 'True', 'None',
       '"', '"abc', '"a\\', '"a\\"', '"\\x"', '"\\u"', '"\\u12"', '"\\u123"', '"\\u1234', '"\\u12g4"',
       '"\\ud83d\\u12g4"', '"\\ud83d\\u', '"a\nb"', '"a\tb"', '"a\x00b"', '"a\x1fb"',
       '[', '[1', '[1,', '[1,]', '[,1]', '[1 2]', '[1,,2]', '[[1]', ']', '[1]]',
       '{', '{"', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{,}', '{a:1}', "{'a':1}",
       '{"a" 1}', '{"a":1 "b":2}', '{"a":}', '{1:2}', '}',
       '\n\n  [\n 1,\n x]', '[1,\n2,\n\n  ?]', '\u00e9', '["\u00e9\u00e9", x]', '{"\u65e5": 1,\n "\u672c": }',
       '\ufeff[1]', '[1]\ufeff', '\u00a0[1]', '\u0661', '[\u0661]']
for doc in bad:
    decode_error(doc)
decode_error('"a\nb"\nx', strict=False)
decode_error('{"a": "\t"}')
try:
    json.loads('[')
except ValueError as e:
    print(type(e).__module__, type(e).__qualname__, e.args, e.__reduce__()[1])
e = json.JSONDecodeError('Custom', 'ab\ncd\nef', 7)
print(e, e.msg, e.pos, e.lineno, e.colno, e.args)

# Wrong argument types.
for arg in [1, None, [1], object]:
    try:
        json.loads(arg)
    except TypeError as e:
        print('TypeError', e)
try:
    json.loads('[1]', bogus=1)
except TypeError as e:
    print('TypeError', e)

# The int/str digit limit applies to JSON integers too.
for doc in ['1' * 4300, '-' + '1' * 4300, '1' * 4301, '[' + '2' * 5000 + ']']:
    try:
        print(len(str(json.loads(doc))))
    except ValueError as e:
        print('ValueError', e)


def encode_error(label, obj, **kw):
    for indent in (None, 2):
        try:
            json.dumps(obj, indent=indent, **kw)
        except Exception as e:
            print(label, indent, type(e).__name__, e)
        else:
            print(label, indent, 'no error')


class Thing:
    pass


circular_list = []
circular_list.append(circular_list)
circular_dict = {}
circular_dict['self'] = circular_dict
indirect = {'a': [{'b': None}]}
indirect['a'][0]['b'] = indirect
encode_error('object', Thing())
encode_error('nested object', {'k': [1, Thing()]})
encode_error('set', {1, 2})
encode_error('bytes', [b'x'])
encode_error('complex', 1j)
encode_error('tuple key', {(1, 2): 3})
encode_error('object key', {Thing(): 3})
encode_error('frozenset key', {frozenset(): 3})
encode_error('nan', [float('nan')], allow_nan=False)
encode_error('inf', {'a': float('inf')}, allow_nan=False)
encode_error('-inf key', {-float('inf'): 1}, allow_nan=False)
encode_error('circular list', circular_list)
encode_error('circular dict', circular_dict)
encode_error('circular indirect', indirect)
encode_error('circular default', Thing(), default=lambda o: [o])
encode_error('default raises', [Thing()], default=lambda o: 1 / 0)
encode_error('default returns self', Thing(), default=lambda o: o)
encode_error('mixed keys sorted', {1: 1, 'a': 2}, sort_keys=True)
encode_error('big int', [10 ** 5000])
encode_error('big int key', {10 ** 5000: 1})
encode_error('separators int', [1, 2], separators=(1, ':'))
encode_error('separators int key', {'a': 1}, separators=(',', 2))
encode_error('separators 3', [1], separators=(',', ':', '!'))
encode_error('bad kw', [1], bogus=True)
try:
    json.dumps([1], indent=2.0)
except TypeError as e:
    print('indent 2.0', e)


class ItemsNotIterable(dict):
    def items(self):
        return 5


class ItemsTriples(dict):
    def items(self):
        return [('a', 1, 2)]


encode_error('items not iterable', ItemsNotIterable(a=1))
encode_error('items triples', ItemsTriples(a=1))


def mutating_default(o):
    watched['new'] = 1
    return 'X'


watched = {'a': 1, 'b': Thing(), 'c': 3}
encode_error('dict grows', watched, default=mutating_default)

# Deep nesting: RecursionError, never a crash.
deep_list = []
for _ in range(5000):
    deep_list = [deep_list]
deep_dict = {}
for _ in range(5000):
    deep_dict = {'k': deep_dict}
encode_error('deep list', deep_list)
encode_error('deep dict', deep_dict)
try:
    json.dumps(circular_list, check_circular=False)
except RecursionError as e:
    print('circular unchecked', e)
for doc in ['[' * 5000 + ']' * 5000, '{"a":' * 5000 + '1' + '}' * 5000, '[{"a":' * 3000]:
    try:
        json.loads(doc)
    except RecursionError as e:
        print('RecursionError', e)
print(sys.getrecursionlimit())
