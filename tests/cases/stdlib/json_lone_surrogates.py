# json and lone surrogates: \uXXXX escapes that decode to an unpaired
# surrogate, str values holding one, and bytes that are not valid UTF-8
# (json.loads decodes bytes with the 'surrogatepass' error handler).
import json

for doc in [r'"\ud800"', r'"\udc00"', r'"\ud83d\u0041"', r'"\ud83dx"', r'"x\ude00\ud83d"', r'["\udfff", {"\ud800": 1}]']:
    v = json.loads(doc)
    print(repr(v), json.dumps(v), json.dumps(v, ensure_ascii=False).encode('utf-8', 'surrogatepass'))
for s in ['\ud800', 'a\udc00b', '\udbff\udfff']:
    print(len(s), json.dumps(s), json.loads(json.dumps(s)) == s)
for b in [b'"\xff"', b'"\xed\xa0\x80"', b'"\xc3"']:
    try:
        print(repr(json.loads(b)))
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError', e.reason)
