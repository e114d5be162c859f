b = b'hello'
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], type(b[0]).__name__)
print(b + b' world', b * 2, b'l' in b, 108 in b, b.upper(), b.find(b'l'), b.count(b'l'))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes('é', 'utf-8'), b'\x00\xff')
print(repr(b"it's"), repr(b'say "x"'), repr(b'\t\n\r\\'), b'\x7f\x80')
print(b'a,b,c'.split(b','), b'-'.join([b'x', b'y']), b' x '.strip(), b'abc'.replace(b'b', b'B'))
print(b.hex(), bytes.fromhex('68 69'), b.decode(), b.startswith(b'he'), b.endswith(b'lo'))
print(list(b'abc'), b'abc' < b'abd', b'abc' == b'abc', b'' == bytes())
