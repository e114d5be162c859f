# json.loads / JSONDecoder: values, numbers, strings and escapes, hooks,
# parse_* callables, strict, raw_decode, scanstring, make_scanner, bytes input.
import json
from collections import OrderedDict
from json import decoder, scanner


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(json.loads('{"a": [1, 2.5, "x", true, false, null], "b": {"c": {}}, "d": []}'))
for doc in ['0', '-0', '-0.0', '12', '-12', '1.5', '1e5', '1E5', '1e+5', '1e-5', '1.5e300', '1e400', '-1e400', '1e-400',
            '12345678901234567890', '-98765432109876543210987654321', '0.1', '2.5e-3', '123.456e7',
            'NaN', 'Infinity', '-Infinity', 'true', 'false', 'null', '""', '[]', '{}', ' \t\n\r[ \n1 \r, 2\t] \n']:
    v = json.loads(doc)
    print(repr(doc), repr(v), type(v).__name__)

# Strings and escapes.
for doc in [r'"\"\\\/\b\f\n\r\t"', r'"\u0041\u00e9\u65e5"', r'"\ud83d\ude00"', r'"\uD83D\uDE00"', r'"x\u0000y"',
            '"caf\u00e9 \u65e5\u672c \U0001F600"', r'"\u00E9\u00e9"', r'"a\/b"']:
    print(repr(json.loads(doc)))
print(repr(json.loads('"a\tb\nc\x00"', strict=False)))
print(json.loads('["\u00e9", {"\u00e9": "\u00fc"}]'))

# Duplicate keys: the last value wins, in the first key's place.
print(json.loads('{"a": 1, "b": 2, "a": 3}'))
# Equal keys of one document are one str object.
first, second = json.loads('[{"key": 1}, {"key": 2}]')
print(list(first)[0] is list(second)[0])

# Hooks and parse_* callables.
print(json.loads('{"b": 1, "a": {"c": 2}}', object_pairs_hook=OrderedDict))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_pairs_hook=list))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1}', object_hook=dict.keys, object_pairs_hook=tuple))
print(json.loads('[1.10, 2, 3e2, -4]', parse_float=str, parse_int=lambda s: 'int:' + s))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: 'const:' + s))
print(json.loads('{"x": 1.5}', parse_float=lambda s: ('float', s)))
calls = []
print(json.loads('{"a": [{"b": 1}, {"c": 2}]}', object_hook=lambda d: calls.append(sorted(d)) or len(calls)), calls)
print(json.loads('[1, 2]', cls=json.JSONDecoder))


class MyDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        kw['parse_int'] = lambda s: int(s) * 10
        super().__init__(**kw)


print(json.loads('[1, {"a": 2}]', cls=MyDecoder), json.loads('[3]', cls=MyDecoder, strict=False))

# Bytes input: the encoding is detected.
for b in [b'[1, "\xc3\xa9"]', b'\xef\xbb\xbf[1]', '[1, "\u00e9"]'.encode('utf-16'), '[1, "\u00e9"]'.encode('utf-16-le'),
          '[1, "\u00e9"]'.encode('utf-16-be'), '[1]'.encode('utf-32'), '[1]'.encode('utf-32-le'), '[1]'.encode('utf-32-be'),
          bytearray(b'{"a": 1}'), b'1', '1'.encode('utf-16-le'), '1'.encode('utf-16-be')]:
    print(json.loads(b))
print(json.detect_encoding(b'\x00\x00\x00['), json.detect_encoding(b'[\x00\x00\x00'), json.detect_encoding(b'{}'))

# raw_decode and the scanner.
dec = json.JSONDecoder()
print(dec.raw_decode('[1, 2] tail'))
print(dec.raw_decode('xx {"a": 1}yy', 3))
print(dec.raw_decode('\u00e9\u00e9{"\u00e9": "\u00fc"}\u00e9', 2))
print(dec.raw_decode('"\U0001F600" "x"'))
print(dec.scan_once('"str" rest', 0), dec.scan_once(string='[1]', idx=0))
show('scan_once stop', lambda: dec.scan_once('x', 0))
show('scan_once past end', lambda: dec.scan_once('[1]', 3))
show('scan_once negative', lambda: dec.scan_once('[1]', -1))
show('scan_once non-str', lambda: dec.scan_once(b'[1]', 0))
print(decoder.scanstring('"abc" x', 1), decoder.scanstring('\u00e9"a\\u00e9b" x', 2))
print(decoder.scanstring('"a\nb"', 1, False))
show('scanstring out of bounds', lambda: decoder.scanstring('abc', 4))
show('scanstring negative', lambda: decoder.scanstring('abc', -1))
show('scanstring unterminated at 0', lambda: decoder.scanstring('abc', 0))
show('scanstring non-str', lambda: decoder.scanstring(b'"a"', 1))


class Context:
    strict = False
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = str


print(scanner.make_scanner(Context())('["a\tb", NaN, 1.5, {"k": 2}]', 0))
show('make_scanner of object()', lambda: scanner.make_scanner(object()))

# Deep but not too deep.
print(len(json.loads('[' * 300 + ']' * 300)), len(json.loads('{"a":' * 300 + '1' + '}' * 300)))

# Round trips.
values = [0, -1, 2 ** 70, 1.5, -0.0, 1e-7, 'text \u00e9 \U0001F600', [1, [2, [3]]], {'k': {'k': None}}, True, None]
for v in values:
    for kw in ({}, {'indent': 2}, {'ensure_ascii': False}, {'sort_keys': True}):
        assert json.loads(json.dumps(v, **kw)) == v, (v, kw)
print('round trips ok')
