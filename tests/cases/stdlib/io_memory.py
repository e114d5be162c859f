import io
s = io.StringIO()
print('hello', 'world', file=s)
s.write('line2\nline3')
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()))
s.seek(0)
print(s.readlines(), list(io.StringIO('a\nb\n')))
s.seek(6); s.write('WORLD')
print(repr(s.getvalue()), s.truncate(5), repr(s.getvalue()))
with io.StringIO('x\ny') as f:
    for line in f:
        print(repr(line))
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(e)
try:
    io.StringIO().write(5)
except TypeError as e:
    print(e)
b = io.BytesIO(b'abc\ndef')
print(b.read(2), b.readline(), b.read(), b.tell(), b.seek(-2, 2), b.read())
b.write(b'XYZ'); print(b.getvalue())
try:
    b.write('s')
except TypeError as e:
    print(e)
print(io.StringIO('a\r\nb', newline=None).read().split('\n'), isinstance(io.StringIO(), io.TextIOBase), io.SEEK_END)
